package io.ticketing.reservation.hold;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable record of holds in PostgreSQL. */
@Repository
class HoldRepository {

    private static final String SELECT = """
            SELECT id, show_id, customer_id, seat_ids, status, expires_at, fencing_token, amount, currency, booking_id
            FROM hold""";

    /** Open holds whose lease ended before a time (parameters: the time, how many), oldest first. */
    static final String OVERDUE = SELECT + " WHERE status IN ('HELD', 'PAYMENT_PENDING') AND expires_at < ?"
            + " ORDER BY expires_at LIMIT ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    HoldRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** New holds, in one batch: one round trip for all of them. */
    void insert(List<Hold> holds) {
        batches.batchUpdate("""
                INSERT INTO hold (id, show_id, customer_id, seat_ids, fencing_token, amount, currency, status,
                                  expires_at)
                VALUES (?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?)""", holds.stream()
                .map(hold -> new Object[] {hold.holdId(), hold.showId(), hold.customerId(),
                        String.join(",", hold.seatIds()), hold.fencingToken(), hold.amount(), hold.currency(),
                        hold.status().name(), hold.expiresAt().atOffset(ZoneOffset.UTC)})
                .toList());
    }

    Optional<Hold> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> hold(rs)).optional();
    }

    /** Ends a hold that still holds its seats; false when it had ended already. */
    boolean end(UUID id, Hold.Status status, Instant at) {
        return jdbc.sql("""
                UPDATE hold SET status = ?, ended_at = ? WHERE id = ? AND status IN ('HELD', 'PAYMENT_PENDING')""")
                .params(status.name(), at.atOffset(ZoneOffset.UTC), id).update() == 1;
    }

    /** Moves a hold from one status to another; false when it was not in {@code from}. */
    boolean move(UUID id, Hold.Status from, Hold.Status to) {
        return jdbc.sql("UPDATE hold SET status = ? WHERE id = ? AND status = ?").params(to.name(), id, from.name())
                .update() == 1;
    }

    /**
     * A hold became a booking, whatever its lease did meanwhile; false when it was that booking's already (a second
     * event of the booking), which changes nothing.
     */
    boolean confirm(UUID id, UUID bookingId, Instant at) {
        return jdbc.sql("""
                UPDATE hold SET status = 'CONFIRMED', booking_id = ?, ended_at = coalesce(ended_at, ?)
                WHERE id = ? AND (status <> 'CONFIRMED' OR booking_id IS DISTINCT FROM ?)""")
                .params(bookingId, at.atOffset(ZoneOffset.UTC), id, bookingId).update() == 1;
    }

    /** Holds of a show recorded as held that expire after the given time, for rebuilding its seat map. */
    List<Hold> heldOfShow(UUID showId, Instant expiringAfter) {
        return jdbc.sql(SELECT + " WHERE show_id = ? AND status IN ('HELD', 'PAYMENT_PENDING') AND expires_at > ?")
                .params(showId, expiringAfter.atOffset(ZoneOffset.UTC)).query((rs, n) -> hold(rs)).list();
    }

    /** Holds recorded as held whose lease ended before the given time: Redis should have freed them already. */
    List<Hold> overdue(Instant expiredBefore, int limit) {
        return jdbc.sql(OVERDUE).params(expiredBefore.atOffset(ZoneOffset.UTC), limit).query((rs, n) -> hold(rs))
                .list();
    }

    /** The shows with holds recorded as held, whatever their lease: those the Redis sweeper has to look at. */
    List<UUID> showsWithOpenHolds() {
        return jdbc.sql("SELECT DISTINCT show_id FROM hold WHERE status IN ('HELD', 'PAYMENT_PENDING')")
                .query(UUID.class).list();
    }

    /** The highest fencing token handed out for the show, so that a rebuilt counter continues above it. */
    long maxToken(UUID showId) {
        return jdbc.sql("SELECT coalesce(max(fencing_token), 0) FROM hold WHERE show_id = ?").param(showId)
                .query(Long.class).single();
    }

    List<UUID> active(UUID showId, UUID customerId) {
        return jdbc.sql("""
                SELECT id FROM hold WHERE show_id = ? AND customer_id = ? AND status IN ('HELD', 'PAYMENT_PENDING')""")
                .params(showId, customerId).query(UUID.class).list();
    }

    private static Hold hold(ResultSet rs) throws SQLException {
        return new Hold(rs.getObject("id", UUID.class), rs.getObject("show_id", UUID.class),
                rs.getObject("customer_id", UUID.class), Arrays.asList((String[]) rs.getArray("seat_ids").getArray()),
                Hold.Status.valueOf(rs.getString("status")),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getLong("fencing_token"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getObject("booking_id", UUID.class));
    }
}
