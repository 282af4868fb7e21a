package io.ticketing.waiting.room;

import static io.ticketing.starter.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Waiting rooms in PostgreSQL. A room's row is its lock: admission and the opening take it for update, a join before
 * the opening shares it (so the opening ranks every ticket that joined before it), and a join after the opening
 * takes its rank by incrementing the row's {@code last_rank} (so ranks follow arrival and leave no gap).
 */
@Repository
class RoomRepository {

    static final String COLUMNS = """
            r.show_id, r.status, r.opens_at, r.admit_per_minute, r.admission_minutes, r.effective_per_minute,
            r.throttle_reason, r.ramping, r.overloaded_per_minute, r.credit, r.admitted_through, r.last_rank,
            r.ticked_at, r.rate_changed_at, r.opening_reads, r.opening_reads_judged, r.opened_at, r.closed_at,
            r.created_at, r.updated_at""";

    private final JdbcClient jdbc;

    RoomRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Room> find(UUID showId) {
        return select(showId, "");
    }

    /** The room, locked until the transaction ends: admission, the opening and admins' changes take turns. */
    Optional<Room> lock(UUID showId) {
        return select(showId, " FOR NO KEY UPDATE");
    }

    /** The room, shared until the transaction ends: the opening waits for joins in progress, and they for it. */
    Optional<Room> share(UUID showId) {
        return select(showId, " FOR SHARE");
    }

    private Optional<Room> select(UUID showId, String lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM waiting_room r WHERE r.show_id = ?" + lock).param(showId)
                .query((rs, n) -> room(rs)).optional();
    }

    /** Rooms whose holds need a token now. */
    List<Room> on() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM waiting_room r WHERE r.status IN ('SCHEDULED', 'OPEN')")
                .query((rs, n) -> room(rs)).list();
    }

    /** Rooms admission has work in at {@code now}: open ones, and scheduled ones whose opening has come. */
    List<UUID> due(Instant now) {
        return jdbc.sql("""
                SELECT show_id FROM waiting_room
                WHERE status = 'OPEN' OR (status = 'SCHEDULED' AND opens_at <= ?)""").param(utc(now))
                .query(UUID.class).list();
    }

    void insert(UUID showId, Instant opensAt, int admitPerMinute, int admissionMinutes, Instant now) {
        jdbc.sql("""
                INSERT INTO waiting_room (show_id, status, opens_at, admit_per_minute, admission_minutes,
                                          effective_per_minute, created_at, updated_at)
                VALUES (?, 'SCHEDULED', ?, ?, ?, ?, ?, ?)""")
                .params(showId, utc(opensAt), admitPerMinute, admissionMinutes, (double) admitPerMinute, utc(now),
                        utc(now))
                .update();
    }

    /** An admin's new settings; {@code status} opens a closed room again. */
    void configure(UUID showId, Room.Status status, Instant opensAt, int admitPerMinute, int admissionMinutes,
            double effectivePerMinute, String throttleReason, Instant now) {
        jdbc.sql("""
                UPDATE waiting_room
                SET status = ?, opens_at = ?, admit_per_minute = ?, admission_minutes = ?, effective_per_minute = ?,
                    throttle_reason = ?, closed_at = NULL, updated_at = ?
                WHERE show_id = ?""")
                .params(status.name(), utc(opensAt), admitPerMinute, admissionMinutes, effectivePerMinute,
                        throttleReason, utc(now), showId)
                .update();
    }

    /**
     * The opening: ranks 1 to {@code ranked} were given to who joined before it; admission counts from
     * {@code admitFrom} (the end of the opening's quiet at the latest), at {@code effectivePerMinute} at first, ramping
     * up while that is below the configured rate ({@code throttleReason} says so).
     */
    void opened(UUID showId, long ranked, Instant now, Instant admitFrom, double effectivePerMinute,
            String throttleReason) {
        jdbc.sql("""
                UPDATE waiting_room
                SET status = 'OPEN', last_rank = ?, opened_at = ?, ticked_at = ?, rate_changed_at = ?,
                    effective_per_minute = ?, throttle_reason = ?, ramping = ?, overloaded_per_minute = NULL,
                    opening_reads = 0,
                    opening_reads_judged = 0, updated_at = ?
                WHERE show_id = ?""")
                .params(ranked, utc(now), utc(admitFrom), utc(now), effectivePerMinute, throttleReason,
                        throttleReason != null, utc(now), showId)
                .update();
    }

    /** The next rank of an open room, in arrival order; empty when the room is not open. */
    Optional<Long> takeRank(UUID showId) {
        return jdbc.sql("""
                UPDATE waiting_room SET last_rank = last_rank + 1
                WHERE show_id = ? AND status = 'OPEN'
                RETURNING last_rank""").param(showId).query(Long.class).optional();
    }

    /** Adds reads of the room's places that this instance served while its opening was quiet. */
    void addOpeningReads(UUID showId, long reads) {
        jdbc.sql("UPDATE waiting_room SET opening_reads = opening_reads + ? WHERE show_id = ?").params(reads, showId)
                .update();
    }

    /**
     * A tick in the opening's quiet judged it at {@code now} by {@code reads} reads; {@code quietUntil} is when it ends
     * ({@code now}: it has ended, and the rate counts from now).
     */
    void quiet(UUID showId, long reads, Instant quietUntil, Instant now) {
        jdbc.sql("""
                UPDATE waiting_room SET opening_reads_judged = ?, ticked_at = ?, rate_changed_at = ?
                WHERE show_id = ?""").params(reads, utc(quietUntil), utc(now), showId).update();
    }

    /** What one tick of admission did. */
    void ticked(UUID showId, double credit, long admittedThrough, Admission.Throttle throttle, Instant rateChangedAt,
            Instant now) {
        jdbc.sql("""
                UPDATE waiting_room
                SET credit = ?, admitted_through = ?, effective_per_minute = ?, throttle_reason = ?, ramping = ?,
                    overloaded_per_minute = ?, rate_changed_at = ?, ticked_at = ?
                WHERE show_id = ?""")
                .params(credit, admittedThrough, throttle.effectivePerMinute(), throttle.reason(), throttle.ramping(),
                        throttle.overloadedPerMinute(), utc(rateChangedAt), utc(now), showId)
                .update();
    }

    /** Ends the room, sold out or closed; false when it was not on. */
    boolean end(UUID showId, Room.Status status, Instant now) {
        return jdbc.sql("""
                UPDATE waiting_room SET status = ?, closed_at = ?, updated_at = ?
                WHERE show_id = ? AND status IN ('SCHEDULED', 'OPEN')""")
                .params(status.name(), utc(now), utc(now), showId).update() == 1;
    }

    /** Tells every instance's watchers of the room's tickets (long polls, streams) that it changed. */
    void announce(Room.Status status, UUID showId, long admittedThrough) {
        jdbc.sql("SELECT pg_notify(?, ?)").params(RoomSignals.CHANNEL, showId + "," + status + "," + admittedThrough)
                .query((rs, n) -> 1).list();
    }

    static Room room(ResultSet rs) throws SQLException {
        return new Room(rs.getObject("show_id", UUID.class), Room.Status.valueOf(rs.getString("status")),
                instant(rs, "opens_at"), rs.getInt("admit_per_minute"), rs.getInt("admission_minutes"),
                rs.getDouble("effective_per_minute"), rs.getString("throttle_reason"), rs.getBoolean("ramping"),
                rs.getObject("overloaded_per_minute", Double.class), rs.getDouble("credit"),
                rs.getLong("admitted_through"), rs.getLong("last_rank"), instant(rs, "ticked_at"),
                instant(rs, "rate_changed_at"), rs.getLong("opening_reads"), rs.getLong("opening_reads_judged"),
                instant(rs, "opened_at"), instant(rs, "closed_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
