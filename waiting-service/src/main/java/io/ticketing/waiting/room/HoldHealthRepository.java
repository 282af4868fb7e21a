package io.ticketing.waiting.room;

import static io.ticketing.starter.Timestamps.utc;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How the holds of rooms' shows fared, per show and second, added up from every gateway's reports. */
@Repository
class HoldHealthRepository {

    private final JdbcClient jdbc;

    HoldHealthRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds answered over a stretch of time, and how many of them were slow and failed over the end of it. */
    record Health(long holds, long slow, long errors) {
    }

    void add(UUID showId, Instant second, int holds, int slow, int errors) {
        jdbc.sql("""
                INSERT INTO waiting_room_health (show_id, second, holds, slow, errors) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (show_id, second) DO UPDATE
                SET holds = waiting_room_health.holds + excluded.holds, slow = waiting_room_health.slow + excluded.slow,
                    errors = waiting_room_health.errors + excluded.errors""")
                .params(showId, utc(second), holds, slow, errors).update();
    }

    /**
     * The show's holds reported for the seconds after {@code window}, and the slow and failed ones among those
     * reported for the seconds after {@code since} (a later time, or the same).
     */
    Health judged(UUID showId, Instant window, Instant since) {
        return jdbc.sql("""
                SELECT coalesce(sum(holds), 0) AS holds, coalesce(sum(slow) FILTER (WHERE second > ?), 0) AS slow,
                       coalesce(sum(errors) FILTER (WHERE second > ?), 0) AS errors
                FROM waiting_room_health WHERE show_id = ? AND second > ?""")
                .params(utc(since), utc(since), showId, utc(window))
                .query((rs, n) -> new Health(rs.getLong("holds"), rs.getLong("slow"), rs.getLong("errors"))).single();
    }

    /** Forgets seconds before {@code before}: only the last window's decide. */
    int forget(Instant before) {
        return jdbc.sql("DELETE FROM waiting_room_health WHERE second < ?").param(utc(before)).update();
    }
}
