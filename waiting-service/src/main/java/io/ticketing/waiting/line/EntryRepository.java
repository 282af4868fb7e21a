package io.ticketing.waiting.line;

import static io.ticketing.starter.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Waiting-line entries in PostgreSQL; the position is counted from the line's order, never stored. */
@Repository
class EntryRepository {

    private static final String COLUMNS = """
            SELECT e.id, e.show_id, e.status, e.seat_count, e.expires_at, e.customer_id, e.offer_hold_id,
                   e.offer_seat_ids, e.offer_expires_at, e.customer_email, e.joined_seq""";
    /** An entry with its position: the entries still waiting up to it (the line's index makes this a range count). */
    private static final String SELECT = COLUMNS + """
            ,
                   CASE WHEN e.status = 'WAITING' THEN
                       (SELECT count(*) FROM waitlist_entry w
                        WHERE w.show_id = e.show_id AND w.status = 'WAITING' AND w.joined_seq <= e.joined_seq)
                   ELSE 0 END AS position
            FROM waitlist_entry e""";

    private final JdbcClient jdbc;

    EntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID showId, UUID customerId, String customerEmail, int seatCount, Instant joinedAt,
            Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO waitlist_entry (id, show_id, customer_id, customer_email, seat_count, status, joined_at,
                                            expires_at)
                VALUES (?, ?, ?, ?, ?, 'WAITING', ?, ?)""")
                .params(id, showId, customerId, customerEmail, seatCount, utc(joinedAt), utc(expiresAt)).update();
    }

    Optional<Entry> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query((rs, n) -> entry(rs)).optional();
    }

    /** Whether anyone ever waited for the show. */
    boolean anyFor(UUID showId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM waitlist_entry WHERE show_id = ?)").param(showId)
                .query(Boolean.class).single();
    }

    /** The show's waiting entries, longest waiting first (positions are not counted: 0). */
    List<Entry> waiting(UUID showId) {
        return jdbc.sql(COLUMNS + ", 0 AS position FROM waitlist_entry e WHERE e.show_id = ? AND e.status = 'WAITING' "
                + "ORDER BY e.joined_seq").param(showId).query((rs, n) -> entry(rs)).list();
    }

    /** Entries waiting now, all shows together (read from the partial indexes of waiting entries). */
    long countWaiting() {
        return jdbc.sql("SELECT count(*) FROM waitlist_entry WHERE status = 'WAITING'").query(Long.class).single();
    }

    /** Shows that have entries waiting. */
    List<UUID> showsWithLines() {
        return jdbc.sql("SELECT DISTINCT show_id FROM waitlist_entry WHERE status = 'WAITING'").query(UUID.class)
                .list();
    }

    /** Ends an entry that still waits or holds an offer; false when it had ended already. */
    boolean end(UUID id, Entry.Status status, Instant at) {
        return jdbc.sql("""
                UPDATE waitlist_entry SET status = ?, ended_at = ?, line_state = 'LEAVING'
                WHERE id = ? AND status IN ('WAITING', 'OFFERED')""")
                .params(status.name(), utc(at), id).update() == 1;
    }

    /** The show's waiting entries that ask for more than {@code seats} seats end as UNSERVABLE. */
    void endUnservable(UUID showId, int seats, Instant at) {
        jdbc.sql("""
                UPDATE waitlist_entry SET status = 'UNSERVABLE', ended_at = ?, line_state = 'LEAVING'
                WHERE show_id = ? AND status = 'WAITING' AND seat_count > ?""")
                .params(utc(at), showId, seats).update();
    }

    /** Whether an entry of the show still waits for at most {@code seats} seats. */
    boolean anyWaitingFor(UUID showId, int seats) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM waitlist_entry
                               WHERE show_id = ? AND status = 'WAITING' AND seat_count <= ?)""")
                .params(showId, seats).query(Boolean.class).single();
    }

    /** A waiting entry got its offer; false when it no longer waited. */
    boolean offered(UUID id, Entry.Offer offer, Instant at) {
        return jdbc.sql("""
                UPDATE waitlist_entry SET status = 'OFFERED', ended_at = ?, line_state = 'LEAVING', offer_hold_id = ?,
                       offer_seat_ids = string_to_array(?, ','), offer_expires_at = ?
                WHERE id = ? AND status = 'WAITING'""")
                .params(utc(at), offer.holdId(), String.join(",", offer.seatIds()), utc(offer.expiresAt()), id)
                .update() == 1;
    }

    /** Shows whose entries expired now: their waiting ended. */
    List<UUID> expire(Instant now) {
        return jdbc.sql("""
                UPDATE waitlist_entry SET status = 'EXPIRED', ended_at = ?, line_state = 'LEAVING'
                WHERE status = 'WAITING' AND expires_at <= ? RETURNING show_id""")
                .params(utc(now), utc(now)).query(UUID.class).list().stream().distinct().toList();
    }

    /** The show's entries reservation-service's line still has to learn of: to be entered, or to be removed. */
    List<LineChange> lineChanges(UUID showId, int limit) {
        return jdbc.sql("""
                SELECT id, show_id, line_state FROM waitlist_entry
                WHERE line_state IN ('ENTERING', 'LEAVING') AND show_id = ? LIMIT ?""")
                .params(showId, limit)
                .query((rs, n) -> new LineChange(rs.getObject("id", UUID.class), rs.getObject("show_id", UUID.class),
                        LineState.valueOf(rs.getString("line_state")) == LineState.ENTERING))
                .list();
    }

    /** Shows with entries reservation-service's line still has to learn of. */
    List<UUID> showsWithLineChanges(int limit) {
        return jdbc.sql("""
                SELECT DISTINCT show_id FROM waitlist_entry WHERE line_state IN ('ENTERING', 'LEAVING') LIMIT ?""")
                .param(limit).query(UUID.class).list();
    }

    record LineChange(UUID entryId, UUID showId, boolean entering) {
    }

    /**
     * Where an entry stands with reservation-service's line ({@code line_state}): to be entered, entered, to be
     * removed, removed. Only this service's sync moves it, ENTERING to ENTERED, and any to LEAVING and then LEFT.
     */
    enum LineState {
        ENTERING, ENTERED, LEAVING, LEFT
    }

    /** reservation-service's line has the changes: ENTERING became ENTERED, LEAVING became LEFT. */
    void lineChanged(List<LineChange> changes) {
        jdbc.sql("""
                UPDATE waitlist_entry SET line_state = CASE line_state WHEN 'ENTERING' THEN 'ENTERED' ELSE 'LEFT' END
                WHERE (id = ANY(CAST(? AS uuid[])) AND line_state = 'ENTERING')
                   OR (id = ANY(CAST(? AS uuid[])) AND line_state = 'LEAVING')""")
                .params(ids(changes, true), ids(changes, false)).update();
    }

    private static String[] ids(List<LineChange> changes, boolean entering) {
        return changes.stream().filter(change -> change.entering() == entering)
                .map(change -> change.entryId().toString()).toArray(String[]::new);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        UUID holdId = rs.getObject("offer_hold_id", UUID.class);
        Entry.Offer offer = holdId == null ? null : new Entry.Offer(holdId,
                Arrays.asList((String[]) rs.getArray("offer_seat_ids").getArray()),
                rs.getObject("offer_expires_at", OffsetDateTime.class).toInstant());
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("show_id", UUID.class),
                Entry.Status.valueOf(rs.getString("status")), rs.getInt("position"), rs.getInt("seat_count"),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), offer,
                rs.getObject("customer_id", UUID.class), rs.getString("customer_email"), rs.getLong("joined_seq"));
    }
}
