package io.ticketing.reservation.seating;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        RMap<String, String> seatMap = liveStatuses(show.showId());
        seatMap.putAll(seats);
    }

    /** The seat map of a show: its layout and prices from PostgreSQL, the status of each seat from Redis. */
    @Transactional(readOnly = true)
    public Optional<SeatMap> seatMap(UUID showId) {
        return jdbc.sql("SELECT layout, prices FROM seating_plan WHERE show_id = ?")
                .param(showId)
                .query((rs, n) -> toSeatMap(showId, rs.getString("layout"), rs.getString("prices")))
                .optional();
    }

    private SeatMap toSeatMap(UUID showId, String layoutJson, String pricesJson) {
        List<ShowScheduled.Row> layout = List.of(json.readValue(layoutJson, ShowScheduled.Row[].class));
        Map<String, ShowScheduled.Price> prices = Stream.of(json.readValue(pricesJson, ShowScheduled.Price[].class))
                .collect(Collectors.toMap(ShowScheduled.Price::seatType, Function.identity()));
        Map<String, String> statuses = liveStatuses(showId).readAllMap();
        return new SeatMap(showId, layout.stream()
                .map(row -> new SeatMap.Row(row.row(), row.seats().stream()
                        .map(seat -> {
                            ShowScheduled.Price price = prices.get(seat.type());
                            return new SeatMap.Seat(seat.seatId(), seat.number(), seat.type(), price.amount(),
                                    price.currency(), statuses.getOrDefault(seat.seatId(), AVAILABLE), seat.aisleAfter());
                        })
                        .toList()))
                .toList());
    }

    private RMap<String, String> liveStatuses(UUID showId) {
        return redis.getMap("show:{" + showId + "}:seats", StringCodec.INSTANCE);
    }
}
