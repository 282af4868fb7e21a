package io.ticketing.reservation.seating;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

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
 * ({@link #state}). A caller who does gets a map of their own ({@code heldByYou}), built as before. Everyone else gets
 * the rendered map if it is as new as that sequence and rendered from the show's current plan (a repriced show
 * changes no seat); if not, the first reader renders it again from one atomic
 * snapshot while the readers that arrive meanwhile get the previous rendering rather than waiting or rendering it too:
 * a show is rendered by one thread at a time, however fast its seats change, and a reader that comes after a change
 * with nobody rendering always sees it.
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

    /** A seat map rendered as of {@code sequence} from {@code plan} (prices change without a seat change), ready to send. */
    public record Rendered(long sequence, SeatingPlan plan, byte[] json, byte[] gzip) {

        boolean current(SeatingPlan current, long atLeast) {
            return plan == current && sequence >= atLeast;
        }
    }

    /** The show's sequence and how many of its seats the reader holds. */
    public record State(long sequence, int seatsHeld) {
    }

    private static final class Renderings {
        private volatile Rendered latest;
        private final AtomicBoolean rendering = new AtomicBoolean();
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
            // a rendering from an older plan is never served: its prices may have changed
            return latest != null && latest.plan() == plan.get() ? Optional.of(latest) : Optional.of(render(plan.get()));
        }
        try {
            Rendered fresh = render(plan.get());
            Rendered current = renderings.latest;
            if (current == null || current.plan() != fresh.plan() || current.sequence() < fresh.sequence()) {
                renderings.latest = fresh;
            }
            return Optional.of(fresh);
        }
        finally {
            renderings.rendering.set(false);
        }
    }

    private Rendered render(SeatingPlan plan) {
        SeatSnapshot snapshot = live.snapshot(plan.showId());
        byte[] body = json.writeValueAsBytes(plans.seatMap(plan, snapshot));
        return new Rendered(snapshot.sequence(), plan, body, gzip(body));
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 8 + 64);
        try (var gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(body);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
