package io.ticketing.reservation.seating;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.events.catalog.ShowScheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seat plans of shows on sale. PostgreSQL keeps the plan durably; Redis holds the live state of every seat,
 * which can be rebuilt from the plan whenever Redis has lost it.
 */
@Service
public class SeatingPlans {

    static final String AVAILABLE = "AVAILABLE";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RedissonClient redis;

    SeatingPlans(JdbcClient jdbc, JsonMapper json, RedissonClient redis) {
        this.jdbc = jdbc;
        this.json = json;
        this.redis = redis;
    }

    /** Records a newly scheduled show and opens its seat map. */
    @Transactional
    public void open(ShowScheduled show) {
        jdbc.sql("""
                INSERT INTO seating_plan (show_id, starts_at, ends_at, seat_count, layout, prices)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                .params(show.showId(), show.startsAt().atOffset(ZoneOffset.UTC), show.endsAt().atOffset(ZoneOffset.UTC),
                        show.seatCount(), json.writeValueAsString(show.rows()), json.writeValueAsString(show.prices()))
                .update();
        Map<String, String> seats = new LinkedHashMap<>();
        show.rows().forEach(row -> row.seats().forEach(seat -> seats.put(seat.seatId(), AVAILABLE)));
        RMap<String, String> seatMap = seatMap(show.showId());
        seatMap.putAll(seats);
    }

    public Optional<Integer> seatCount(UUID showId) {
        return jdbc.sql("SELECT seat_count FROM seating_plan WHERE show_id = ?").param(showId).query(Integer.class)
                .optional();
    }

    /** Live status of every seat of a show, seat id to status. */
    public Map<String, String> seatStatuses(UUID showId) {
        return seatMap(showId).readAllMap();
    }

    private RMap<String, String> seatMap(UUID showId) {
        return redis.getMap("show:{" + showId + "}:seats", StringCodec.INSTANCE);
    }
}
