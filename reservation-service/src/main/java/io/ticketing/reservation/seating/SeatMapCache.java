package io.ticketing.reservation.seating;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import tools.jackson.databind.json.JsonMapper;

/**
 * Seat maps as everyone sees them, rendered once per change of the show and served to every reader as the same JSON
 * bytes, plain and gzipped: in an on-sale rush hundreds of customers read the same map, and building, serializing and
 * compressing it for each of them cost tens of milliseconds apiece.
 *
 * <p>A read first asks Redis, in one round trip, for the show's sequence and whether the caller holds any of its seats
 * ({@link #state}). Everyone gets the rendered map if it is as new as that sequence and rendered from the show's
 * current plan (a repriced show changes no seat); if not, the first reader renders it again from one atomic snapshot
 * while the readers that arrive meanwhile get the previous rendering rather than waiting or rendering it too: a show
 * is rendered by one thread at a time, however fast its seats change, and a reader that comes after a change with
 * nobody rendering always sees it. A caller who holds seats gets the rendering of at least that sequence (rendered
 * for them if another reader is rendering), with {@code heldByYou} on their seats: only the rows of those seats are
 * serialized and compressed again ({@link SegmentedGzip}). In a rush most readers hold seats, and building the whole
 * map for each of them was most of the service's work.
 */
@Component
public class SeatMapCache {

    private final RScript scripts;
    private final String state = SeatScripts.load("redis/seat-map-state.lua");
    private final SeatingPlans plans;
    private final LiveSeats live;
    private final JsonMapper json;
    /** Provided lazily: the recovery depends on the seating beans. */
    private final ObjectProvider<SeatStateRecovery> recovery;
    private final Cache<UUID, Renderings> byShow = Caffeine.newBuilder().maximumSize(200)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    /**
     * A seat map rendered as of {@code sequence} from {@code plan} (prices change without a seat change), ready to
     * send: one segment for the start, one per row, one for the end; {@code seatsByHold} has the seats of each hold
     * it shows, by the hold's id as text.
     */
    public record Rendered(long sequence, SeatingPlan plan, SeatMap map, Map<String, List<String>> seatsByHold,
            SegmentedGzip body) {

        boolean current(SeatingPlan current, long atLeast) {
            return plan == current && sequence >= atLeast;
        }

        public byte[] json() {
            return body.json();
        }

        public byte[] gzip() {
            return body.gzip();
        }
    }

    /** The show's sequence and how many of its seats the reader holds. */
    public record State(long sequence, int seatsHeld) {
    }

    private static final class Renderings {
        private volatile Rendered latest;
        private final AtomicBoolean rendering = new AtomicBoolean();

        /** Serves {@code fresh} from now on unless a rendering as new is served already. */
        synchronized Rendered keep(Rendered fresh) {
            Rendered current = latest;
            if (current == null || current.plan() != fresh.plan() || current.sequence() < fresh.sequence()) {
                latest = fresh;
            }
            return fresh;
        }
    }

    SeatMapCache(RedissonClient redis, SeatingPlans plans, LiveSeats live, JsonMapper json,
            ObjectProvider<SeatStateRecovery> recovery) {
        this.scripts = redis.getScript(StringCodec.INSTANCE);
        this.recovery = recovery;
        this.plans = plans;
        this.live = live;
        this.json = json;
    }

    /**
     * The show's sequence and the seats {@code customerId} (if any) holds of it, in one round trip; the show's seat
     * state is rebuilt first if Redis lost it.
     */
    public State state(UUID showId, Optional<UUID> customerId) {
        List<Object> result = readState(showId, customerId);
        if (((String) result.get(0)).isEmpty() && plans.plan(showId).isPresent()) {
            recovery.getObject().recover(showId);
            result = readState(showId, customerId);
        }
        String sequence = (String) result.get(0);
        return new State(sequence.isEmpty() ? 0 : Long.parseLong(sequence), ((Number) result.get(1)).intValue());
    }

    private List<Object> readState(UUID showId, Optional<UUID> customerId) {
        SeatKeys keys = SeatKeys.of(showId);
        return scripts.eval(RScript.Mode.READ_ONLY, state, RScript.ReturnType.LIST,
                List.of(keys.counts(), keys.customers()), customerId.map(UUID::toString).orElse(""));
    }

    /** The map everyone sees, at least as new as {@code sequence} unless another reader is rendering it now. */
    public Optional<Rendered> seatMap(UUID showId, long sequence) {
        return seatMap(showId, sequence, false);
    }

    /**
     * The map as the caller of {@code yourHolds} sees it, at least as new as {@code sequence}: the seats it shows
     * held by those holds are {@code heldByYou}.
     *
     * @return the JSON, gzipped if asked
     */
    public Optional<byte[]> seatMap(UUID showId, long sequence, Set<UUID> yourHolds, boolean gzip) {
        return seatMap(showId, sequence, true).map(rendered -> {
            Set<String> yourSeats = new HashSet<>();
            yourHolds.forEach(hold -> yourSeats.addAll(
                    rendered.seatsByHold().getOrDefault(hold.toString(), List.of())));
            Map<Integer, byte[]> yourRows = yourRows(rendered, yourSeats);
            if (yourRows.isEmpty()) {
                return gzip ? rendered.gzip() : rendered.json();
            }
            return gzip ? rendered.body().gzipReplacing(yourRows) : rendered.body().jsonReplacing(yourRows);
        });
    }

    private Optional<Rendered> seatMap(UUID showId, long sequence, boolean forHolder) {
        Optional<SeatingPlan> plan = plans.plan(showId);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        Renderings renderings = byShow.get(showId, id -> new Renderings());
        Rendered latest = renderings.latest;
        if (latest != null && latest.current(plan.get(), sequence)) {
            return Optional.of(latest);
        }
        if (!renderings.rendering.compareAndSet(false, true)) {
            // a rendering from an older plan is never served: its prices may have changed; a holder's own seats must
            // be on the map they read, so they never get an older sequence (their rendering serves the next readers)
            return latest != null && latest.plan() == plan.get() && !forHolder ? Optional.of(latest)
                    : Optional.of(renderings.keep(render(plan.get())));
        }
        try {
            return Optional.of(renderings.keep(render(plan.get())));
        }
        finally {
            renderings.rendering.set(false);
        }
    }

    private Rendered render(SeatingPlan plan) {
        LiveSeats.WithHolds live = this.live.snapshotWithHolds(plan.showId());
        SeatSnapshot snapshot = live.snapshot();
        SeatMap map = plans.seatMap(plan, snapshot);
        List<byte[]> segments = new ArrayList<>(map.rows().size() + 2);
        segments.add(("{\"showId\":" + json.writeValueAsString(map.showId()) + ",\"rows\":[")
                .getBytes(StandardCharsets.UTF_8));
        for (int index = 0; index < map.rows().size(); index++) {
            segments.add(row(map.rows().get(index), index));
        }
        segments.add("]}".getBytes(StandardCharsets.UTF_8));
        return new Rendered(snapshot.sequence(), plan, map, live.seatsByHold(), SegmentedGzip.of(segments));
    }

    /** A row's segment: the row's JSON, after a comma but for the first row. */
    private byte[] row(SeatMap.Row row, int index) {
        byte[] body = json.writeValueAsBytes(row);
        if (index == 0) {
            return body;
        }
        byte[] segment = new byte[body.length + 1];
        segment[0] = ',';
        System.arraycopy(body, 0, segment, 1, body.length);
        return segment;
    }

    /** The segments of the rows with the caller's seats (by segment index), those seats marked {@code heldByYou}. */
    private Map<Integer, byte[]> yourRows(Rendered rendered, Set<String> yourSeats) {
        Map<Integer, byte[]> rows = new HashMap<>();
        List<SeatMap.Row> all = rendered.map().rows();
        for (int index = 0; index < all.size() && !yourSeats.isEmpty(); index++) {
            SeatMap.Row row = all.get(index);
            if (row.seats().stream().anyMatch(seat -> yourSeats.contains(seat.seatId()))) {
                SeatMap.Row marked = new SeatMap.Row(row.row(), row.seats().stream()
                        .map(seat -> yourSeats.remove(seat.seatId()) ? new SeatMap.Seat(seat.seatId(), seat.number(),
                                seat.type(), seat.price(), seat.currency(), seat.status(), seat.aisleAfter(), Boolean.TRUE)
                                : seat)
                        .toList());
                rows.put(index + 1, row(marked, index));
            }
        }
        return rows;
    }
}
