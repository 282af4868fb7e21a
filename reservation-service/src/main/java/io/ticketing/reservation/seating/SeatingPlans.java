package io.ticketing.reservation.seating;

import static io.ticketing.starter.Timestamps.utc;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.redisson.api.RMap;
import org.springframework.beans.factory.ObjectProvider;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.catalog.ShowUpdated;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seat plans of shows on sale. PostgreSQL keeps the plan durably; Redis holds the live state of every seat,
 * which can be rebuilt from the plan whenever Redis has lost it.
 */
@Service
public class SeatingPlans {

    private static final Duration PLANS_KEPT = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RedissonClient redis;
    /**
     * Plans change only with ShowUpdated and ShowCancelled; a big hall's plan is worth keeping. Only plans found are
     * kept: a show asked for before its ShowScheduled arrived must be found once it has.
     */
    private final Cache<UUID, Loaded> plans = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterWrite(PLANS_KEPT).build();
    /**
     * The newest change of each show that this instance heard of ({@link #changed}), from every instance's own
     * subscription to the show events: the one instance whose consumer applies a change to the database is not the
     * only one with the plan in its cache. A kept plan older than this is read again, and one read before the change is
     * committed is not kept. An entry outlives any plan kept before it.
     */
    private final Cache<UUID, Change> changes = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(PLANS_KEPT).build();
    /** The seats of each show's plan, which no change of the show alters. */
    private final Cache<UUID, Integer> seatTotals = Caffeine.newBuilder().maximumSize(10_000).build();

    /** Provided lazily: the recovery reads plans from here. */
    private final ObjectProvider<SeatStateRecovery> recovery;

    SeatingPlans(JdbcClient jdbc, JsonMapper json, RedissonClient redis, ObjectProvider<SeatStateRecovery> recovery) {
        this.jdbc = jdbc;
        this.json = json;
        this.redis = redis;
        this.recovery = recovery;
    }

    /** Records a newly scheduled show and opens its seat map. */
    @Transactional
    public void open(ShowScheduled show) {
        jdbc.sql("""
                INSERT INTO seating_plan (show_id, starts_at, ends_at, seat_count, layout, prices, sales_open_at,
                                          sales_close_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(show.showId(), utc(show.startsAt()), utc(show.endsAt()), show.seatCount(),
                        json.writeValueAsString(show.rows()), json.writeValueAsString(show.prices()),
                        utc(show.salesOpenAt() == null ? show.occurredAt() : show.salesOpenAt()),
                        utc(show.salesCloseAt() == null ? show.startsAt() : show.salesCloseAt()))
                .update();
        Map<String, String> seats = new LinkedHashMap<>();
        show.rows().forEach(row -> row.seats().forEach(seat -> seats.put(seat.seatId(), SeatState.AVAILABLE.stored())));
        liveStatusMap(show.showId()).putAll(seats);
        redis.<String, String>getMap(SeatKeys.of(show.showId()).counts(), StringCodec.INSTANCE)
                .putAll(Map.of("available", Integer.toString(seats.size()), "held", "0"));
    }

    /** A show moved, was repriced or got another sale window; an update older than the one applied changes nothing. */
    @Transactional
    public void update(ShowUpdated show) {
        jdbc.sql("""
                UPDATE seating_plan SET starts_at = ?, ends_at = ?, prices = ?::jsonb, sales_open_at = ?,
                       sales_close_at = ?, version = ?
                WHERE show_id = ? AND version < ?""")
                .params(utc(show.startsAt()), utc(show.endsAt()), json.writeValueAsString(show.prices()),
                        utc(show.salesOpenAt()), utc(show.salesCloseAt()), show.version(), show.showId(), show.version())
                .update();
        plans.invalidate(show.showId());
    }

    /** A cancelled show sells nothing more. */
    @Transactional
    public void cancel(UUID showId) {
        jdbc.sql("UPDATE seating_plan SET cancelled = true WHERE show_id = ?").param(showId).update();
        plans.invalidate(showId);
    }

    /** The plan of a show on sale or once on sale; empty for a show this service never heard of. */
    public Optional<SeatingPlan> plan(UUID showId) {
        Change change = changes.getIfPresent(showId);
        Loaded cached = plans.getIfPresent(showId);
        if (cached != null && cached.includes(change)) {
            return Optional.of(cached.plan());
        }
        Optional<Loaded> loaded = load(showId);
        loaded.filter(plan -> plan.includes(change)).ifPresent(plan -> plans.put(showId, plan));
        return loaded.map(Loaded::plan);
    }

    /**
     * Another instance changes the show (or this one does): a kept plan that does not include the change is read
     * again. {@code version} is the ShowUpdated's; a cancellation is newer than any version.
     */
    public void changed(UUID showId, long version, boolean cancelled) {
        changes.asMap().merge(showId, new Change(version, cancelled), Change::newest);
    }

    /** A change of a show's plan: its version, or its cancellation. */
    private record Change(long version, boolean cancelled) {

        Change newest(Change other) {
            return new Change(Math.max(version, other.version), cancelled || other.cancelled);
        }
    }

    /** A plan as read, with the version of the show's state it is. */
    private record Loaded(SeatingPlan plan, long version) {

        boolean includes(Change change) {
            return change == null || version >= change.version() && (plan.cancelled() || !change.cancelled());
        }
    }

    private Optional<Loaded> load(UUID id) {
        return jdbc.sql("""
                SELECT layout, prices, sales_open_at, sales_close_at, cancelled, version FROM seating_plan
                WHERE show_id = ?""")
                .param(id)
                .query((rs, n) -> {
                    List<ShowScheduled.Row> rows = List.of(json.readValue(rs.getString("layout"), ShowScheduled.Row[].class));
                    Map<String, String> types = new LinkedHashMap<>();
                    rows.forEach(row -> row.seats().forEach(seat -> types.put(seat.seatId(), seat.type())));
                    return new Loaded(new SeatingPlan(id, types, prices(rs.getString("prices")),
                            rs.getObject("sales_open_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("sales_close_at", OffsetDateTime.class).toInstant(), rs.getBoolean("cancelled"),
                            rows), rs.getLong("version"));
                })
                .optional();
    }

    private Map<String, ShowScheduled.Price> prices(String pricesJson) {
        return Stream.of(json.readValue(pricesJson, ShowScheduled.Price[].class))
                .collect(Collectors.toMap(ShowScheduled.Price::seatType, Function.identity()));
    }

    /**
     * The seat map of a show as everyone sees it (no {@code heldByYou}): its layout and prices from the plan
     * (PostgreSQL, cached), the seats' statuses of {@code snapshot} (Redis).
     */
    public SeatMap seatMap(SeatingPlan plan, SeatSnapshot snapshot) {
        Map<String, String> statuses = new HashMap<>(snapshot.seats().size() * 2);
        snapshot.seats().forEach(seat -> statuses.put(seat.seatId(), seat.status()));
        Map<String, ShowScheduled.Price> prices = plan.prices();
        return new SeatMap(plan.showId(), plan.rows().stream()
                .map(row -> new SeatMap.Row(row.row(), row.seats().stream()
                        .map(seat -> {
                            ShowScheduled.Price price = prices.get(seat.type());
                            return new SeatMap.Seat(seat.seatId(), seat.number(), seat.type(), price.amount(),
                                    price.currency(), statuses.getOrDefault(seat.seatId(), SeatState.AVAILABLE.name()),
                                    seat.aisleAfter(), null);
                        })
                        .toList()))
                .toList());
    }

    /**
     * How many seats of a show are free, held by customers and kept for its waiting line, right now; what the
     * waiting list's rules need.
     */
    public record SeatCounts(UUID showId, int total, int available, int held, int kept) {
    }

    public Optional<SeatCounts> counts(UUID showId) {
        return seatTotal(showId).map(total -> {
            Map<String, String> counts = liveCounts(showId);
            if (counts.isEmpty()) {
                recovery.getObject().recover(showId);
                counts = liveCounts(showId);
            }
            return new SeatCounts(showId, total, Integer.parseInt(counts.getOrDefault("available", "0")),
                    Integer.parseInt(counts.getOrDefault("held", "0")), Integer.parseInt(counts.getOrDefault("kept", "0")));
        });
    }

    /**
     * How many seats the show's plan has, without its layout: a waiting room asks an open show's counts every few
     * seconds, and reading a 60,000-seat layout for them kept it in memory for every open room.
     */
    private Optional<Integer> seatTotal(UUID showId) {
        Integer known = seatTotals.getIfPresent(showId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Integer> total = jdbc.sql("SELECT seat_count FROM seating_plan WHERE show_id = ?").param(showId)
                .query(Integer.class).optional();
        total.ifPresent(seats -> seatTotals.put(showId, seats));
        return total;
    }

    private Map<String, String> liveCounts(UUID showId) {
        return redis.<String, String>getMap(SeatKeys.of(showId).counts(), StringCodec.INSTANCE).readAllMap();
    }

    /** Every seat's live value in Redis, rebuilding the show's seat state first if Redis lost it. */
    public Map<String, String> liveStatuses(UUID showId) {
        Map<String, String> statuses = liveStatusMap(showId).readAllMap();
        if (!statuses.isEmpty()) {
            return statuses;
        }
        recovery.getObject().recover(showId);
        return liveStatusMap(showId).readAllMap();
    }

    private RMap<String, String> liveStatusMap(UUID showId) {
        return redis.getMap(SeatKeys.of(showId).seats(), StringCodec.INSTANCE);
    }
}
