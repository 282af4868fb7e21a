package io.ticketing.waiting.line;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Waiting-line entries in PostgreSQL; the position is counted from the line's order, never stored. */
@Repository
class Entries {

    private static final String SELECT = """
            SELECT e.id, e.show_id, e.status, e.seat_count, e.expires_at, e.customer_id,
                   CASE WHEN e.status = 'WAITING' THEN
                       (SELECT count(*) FROM waitlist_entry w
                        WHERE w.show_id = e.show_id AND w.status = 'WAITING' AND w.joined_seq <= e.joined_seq)
                   ELSE 0 END AS position
            FROM waitlist_entry e""";

    private final JdbcClient jdbc;

    Entries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID showId, UUID customerId, int seatCount, Instant joinedAt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO waitlist_entry (id, show_id, customer_id, seat_count, status, joined_at, expires_at)
                VALUES (?, ?, ?, ?, 'WAITING', ?, ?)""")
                .params(id, showId, customerId, seatCount, utc(joinedAt), utc(expiresAt)).update();
    }

    Optional<Entry> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query((rs, n) -> entry(rs)).optional();
    }

    /** Ends an entry that still waits or holds an offer; false when it had ended already. */
    boolean end(UUID id, Entry.Status status, Instant at) {
        return jdbc.sql("""
                UPDATE waitlist_entry SET status = ?, ended_at = ? WHERE id = ? AND status IN ('WAITING', 'OFFERED')""")
                .params(status.name(), utc(at), id).update() == 1;
    }

    /** Entries that waited as long as a customer may: they expire. */
    int expire(Instant now) {
        return jdbc.sql("""
                UPDATE waitlist_entry SET status = 'EXPIRED', ended_at = ? WHERE status = 'WAITING' AND expires_at <= ?""")
                .params(utc(now), utc(now)).update();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("show_id", UUID.class),
                Entry.Status.valueOf(rs.getString("status")), rs.getInt("position"), rs.getInt("seat_count"),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getObject("customer_id", UUID.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
