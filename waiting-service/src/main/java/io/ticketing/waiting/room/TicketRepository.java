package io.ticketing.waiting.room;

import static io.ticketing.starter.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Places in waiting rooms, in PostgreSQL. */
@Repository
class TicketRepository {

    private static final String COLUMNS = """
            t.id, t.show_id, t.customer_id, t.joined_at, t.draw, t.rank, t.admitted_at, t.admitted_until,
            t.admission_seen_at""";

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A ticket with its room, read together: where admission has got to is the same moment's as the ticket. */
    record Place(Ticket ticket, Room room) {
    }

    Optional<Place> find(UUID ticketId) {
        return place("t.id = ?", ticketId);
    }

    Optional<Place> findByCustomer(UUID showId, UUID customerId) {
        return place("t.show_id = ? AND t.customer_id = ?", showId, customerId);
    }

    private Optional<Place> place(String where, Object... params) {
        return jdbc.sql("SELECT " + COLUMNS + ", " + RoomRepository.COLUMNS
                + " FROM waiting_room_ticket t JOIN waiting_room r ON r.show_id = t.show_id WHERE " + where)
                .params(params).query((rs, n) -> new Place(ticket(rs), RoomRepository.room(rs))).optional();
    }

    /** A new place; {@code rank} null for who joins before the opening. */
    void insert(UUID ticketId, UUID showId, UUID customerId, Instant joinedAt, long draw, Long rank) {
        jdbc.sql("""
                INSERT INTO waiting_room_ticket (id, show_id, customer_id, joined_at, draw, rank)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(ticketId, showId, customerId, utc(joinedAt), draw, rank).update();
    }

    /**
     * The opening's draw: who joined before it gets ranks after {@code after}, in the order of their random draws
     * (the ticket id settles a tie). How many were ranked.
     */
    int rankEarly(UUID showId, long after) {
        return jdbc.sql("""
                UPDATE waiting_room_ticket t SET rank = ? + drawn.place
                FROM (SELECT id, row_number() OVER (ORDER BY draw, id) AS place
                      FROM waiting_room_ticket WHERE show_id = ? AND rank IS NULL) drawn
                WHERE t.id = drawn.id""").params(after, showId).update();
    }

    /** Lets in the tickets ranked {@code after + 1} to {@code through}. */
    void admit(UUID showId, long after, long through, Instant at, Instant until) {
        jdbc.sql("""
                UPDATE waiting_room_ticket SET admitted_at = ?, admitted_until = ?
                WHERE show_id = ? AND rank > ? AND rank <= ? AND admitted_at IS NULL""")
                .params(utc(at), utc(until), showId, after, through).update();
    }

    /**
     * The customer reads their admission for the first time at {@code now}: it runs for {@code admission} from now on
     * if it still runs (one that ran out before they read stays over). When the admission ends now; the first read
     * sets it, the same for every later or concurrent one.
     */
    Instant seeAdmission(UUID ticketId, Instant now, Duration admission) {
        return jdbc.sql("""
                UPDATE waiting_room_ticket
                SET admitted_until = CASE WHEN admission_seen_at IS NULL AND admitted_until > ?
                                          THEN greatest(admitted_until, ?) ELSE admitted_until END,
                    admission_seen_at = coalesce(admission_seen_at, ?)
                WHERE id = ? RETURNING admitted_until""")
                .params(utc(now), utc(now.plus(admission)), utc(now), ticketId)
                .query((rs, n) -> RoomRepository.instant(rs, "admitted_until")).single();
    }

    /** Who joined before the opening and waits for it. */
    long beforeOpening(UUID showId) {
        return jdbc.sql("SELECT count(*) FROM waiting_room_ticket WHERE show_id = ? AND rank IS NULL").param(showId)
                .query(Long.class).single();
    }

    /** Who is admitted and may still hold seats at {@code now}. */
    long active(UUID showId, Instant now) {
        return jdbc.sql("SELECT count(*) FROM waiting_room_ticket WHERE show_id = ? AND admitted_until > ?")
                .params(showId, utc(now)).query(Long.class).single();
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(rs.getObject("id", UUID.class), rs.getObject("show_id", UUID.class),
                rs.getObject("customer_id", UUID.class), RoomRepository.instant(rs, "joined_at"), rs.getLong("draw"),
                rs.getObject("rank", Long.class), RoomRepository.instant(rs, "admitted_at"),
                RoomRepository.instant(rs, "admitted_until"), RoomRepository.instant(rs, "admission_seen_at"));
    }
}
