package io.ticketing.reservation.seating;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Lua scripts that change a show's seats. Each runs atomically in Redis: checking every seat and changing
 * them all happens in one step, so two customers can never both get a seat, and a hold is all or nothing.
 * Every change is published on the show's channel ({@link SeatKeys#changes()}) with a sequence number.
 */
@Component
public class SeatScripts {

    /** The outcome of a script whose show has no seat state in Redis (never opened, or Redis lost it). */
    private static final String NO_SHOW = "NO_SHOW";

    /** A read of Redis's time whose round trip took longer than this does not set the estimate (unless none is). */
    private static final Duration TRUSTED_ROUND_TRIP = Duration.ofMillis(200);
    /** How long {@link #estimatedTime()} counts on the JVM's clock before it reads Redis's again. */
    private static final Duration CLOCK_RESYNC = Duration.ofSeconds(10);

    private final RScript scripts;
    private final String hold = load("redis/hold.lua");
    private final String free = load("redis/free.lua");
    private final String sell = load("redis/sell.lua");
    private final String unsell = load("redis/unsell.lua");
    private final String block = load("redis/block.lua");
    private final String rebuild = load("redis/rebuild.lua");
    private final String unkeep = load("redis/unkeep.lua");
    private final String leave = load("redis/leave.lua");
    private final String due = load("redis/due.lua");
    private final String time = load("redis/time.lua");
    private final RedissonClient redis;
    private volatile RedisClock redisClock;
    private volatile long lastTimeRead;

    SeatScripts(RedissonClient redis) {
        this.scripts = redis.getScript(StringCodec.INSTANCE);
        this.redis = redis;
    }

    /** What the hold script answered. */
    public sealed interface HoldOutcome {

        /** Held: the hold's fencing token, and its end by Redis's clock. */
        record Held(long fencingToken, Instant expiresAt) implements HoldOutcome {
        }

        /** The idempotency key names a hold taken before: that one. */
        record Existing(UUID holdId) implements HoldOutcome {
        }

        /** Nothing taken: {@code detail} is the customer's seats held already or the unknown seat, else empty. */
        record Refused(Refusal refusal, String detail) implements HoldOutcome {
        }

        /** Redis ran the attempt after the moment it had to be taken by: it took nothing. */
        record Late() implements HoldOutcome {
        }

        /** The show has no seat state in Redis (never opened, or Redis lost it). */
        record NoShow() implements HoldOutcome {
        }

        static HoldOutcome of(List<Object> result) {
            String detail = (String) result.get(1);
            return switch ((String) result.get(0)) {
                case "HELD" -> new Held(Long.parseLong(detail),
                        Instant.ofEpochMilli(Long.parseLong((String) result.get(2))));
                case "EXISTING" -> new Existing(UUID.fromString(detail));
                case "LATE" -> new Late();
                case NO_SHOW -> new NoShow();
                case String refusal -> new Refused(Refusal.valueOf(refusal), detail);
            };
        }
    }

    /** Why a script took or changed no seat. */
    public enum Refusal {
        /** Every seat of the show is sold. */
        SHOW_FULL,
        /** Some of the seats are sold (or blocked). */
        SEATS_UNAVAILABLE,
        /** Some of the seats are held by others (or kept for the waiting line). */
        SEATS_HELD,
        /** The customer would hold more seats of the show than allowed. */
        TOO_MANY_SEATS,
        /** The show has no such seat. */
        INVALID_SEATS
    }

    /** What the block script answered: done, with the show's seat-change sequence after it, or refused for a seat. */
    public sealed interface BlockOutcome {

        record Done(long sequence) implements BlockOutcome {
        }

        record Refused(Refusal refusal, String seatId) implements BlockOutcome {
        }

        record NoShow() implements BlockOutcome {
        }

        static BlockOutcome of(List<Object> result) {
            String detail = (String) result.get(1);
            return switch ((String) result.get(0)) {
                case "DONE" -> new Done(Long.parseLong(detail));
                case NO_SHOW -> new NoShow();
                case String refusal -> new Refused(Refusal.valueOf(refusal), detail);
            };
        }
    }

    /**
     * Holds seats that are {@code from}: {@link SeatState#AVAILABLE} for a customer's own hold, {@link SeatState#KEPT}
     * for an offer to a waiter. The hold ends {@code holdTime} after now by Redis's clock, its lease
     * {@code grace} later. {@code staleHold}: the hold the idempotency key may still name though it was never
     * recorded; the key is then taken over. {@code notAfter} (Redis's clock): an attempt Redis runs later than that
     * takes nothing and answers {@code LATE}; run again for the same hold, the script answers what it took.
     */
    public HoldOutcome hold(UUID showId, UUID holdId, UUID customerId, List<String> seatIds, Duration holdTime,
            Duration grace, int maxPerCustomer, Optional<String> idempotencyKey, SeatState from,
            Optional<UUID> staleHold, Instant notAfter) {
        SeatKeys keys = SeatKeys.of(showId);
        List<Object> args = new ArrayList<>(List.of(holdId.toString(), customerId.toString(),
                Long.toString(holdTime.toMillis()), Long.toString(grace.toMillis()), Integer.toString(maxPerCustomer),
                idempotencyKey.isPresent() ? "1" : "0", from.stored(), staleHold.map(UUID::toString).orElse(""),
                Long.toString(notAfter.toEpochMilli())));
        args.addAll(seatIds);
        List<Object> result = scripts.eval(RScript.Mode.READ_WRITE, hold, RScript.ReturnType.LIST,
                keys(keys, holdId, keys.idempotency(customerId, idempotencyKey.orElse("-"))), args.toArray());
        return HoldOutcome.of(result);
    }

    /**
     * What freeing a hold found: its seats, now {@link Freed}; the hold {@link Gone} already (freed by a release, the
     * sweeper or another instance, or sold); or {@link NoShow}, no seat state of the show at all (Redis lost it).
     */
    public sealed interface FreeOutcome {

        record Freed(UUID customerId, long fencingToken, List<String> seatIds) implements FreeOutcome {
        }

        record Gone() implements FreeOutcome {
        }

        record NoShow() implements FreeOutcome {
        }
    }

    public FreeOutcome free(UUID showId, UUID holdId) {
        return free(showId, holdId, "");
    }

    /**
     * Frees a hold that was never recorded, and lets go of the customer's idempotency key when it names that hold,
     * in one step: a retry with the key takes a hold again.
     */
    public FreeOutcome discard(UUID showId, UUID holdId, UUID customerId, String idempotencyKey) {
        return free(showId, holdId, SeatKeys.of(showId).idempotency(customerId, idempotencyKey));
    }

    private FreeOutcome free(UUID showId, UUID holdId, String idempotency) {
        List<Object> result = scripts.eval(RScript.Mode.READ_WRITE, free, RScript.ReturnType.LIST,
                keys(SeatKeys.of(showId), holdId, idempotency), holdId.toString());
        if (result.isEmpty()) {
            return new FreeOutcome.Gone();
        }
        if (result.size() == 1) {
            return new FreeOutcome.NoShow();
        }
        return new FreeOutcome.Freed(UUID.fromString((String) result.get(0)), Long.parseLong((String) result.get(1)),
                List.of(((String) result.get(3)).split(",")));
    }

    /** Marks a booking's seats sold and ends its hold's lease; {@code false} when the show has no seat state. */
    public boolean sell(UUID showId, UUID holdId, UUID customerId, List<String> seatIds) {
        List<Object> args = new ArrayList<>(List.of(holdId.toString(), customerId.toString()));
        args.addAll(seatIds);
        return !NO_SHOW.equals(scripts.eval(RScript.Mode.READ_WRITE, sell, RScript.ReturnType.VALUE,
                keys(SeatKeys.of(showId), holdId, ""), args.toArray()));
    }

    /**
     * Puts a cancelled booking's seats back on sale, or keeps them for the show's waiting line while it has entries;
     * seats its hold still holds (the confirmation has not arrived) go the same way and the hold ends. How many of
     * the booking's seats are kept now, by this call or an earlier one; empty when the show has no seat state.
     */
    public OptionalInt unsell(UUID showId, UUID holdId, UUID customerId, List<String> seatIds) {
        List<Object> args = new ArrayList<>(List.of(customerId.toString(), holdId == null ? "" : holdId.toString()));
        args.addAll(seatIds);
        Object result = scripts.eval(RScript.Mode.READ_WRITE, unsell, RScript.ReturnType.VALUE,
                keys(SeatKeys.of(showId), holdId, ""), args.toArray());
        return NO_SHOW.equals(result) ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(String.valueOf(result)));
    }

    /** Blocks free seats, all or none, or unblocks blocked ones. */
    public BlockOutcome block(UUID showId, List<String> seatIds, boolean blocked) {
        List<Object> args = new ArrayList<>(List.of(blocked ? "1" : "0"));
        args.addAll(seatIds);
        return BlockOutcome.of(scripts.eval(RScript.Mode.READ_WRITE, block, RScript.ReturnType.LIST,
                keys(SeatKeys.of(showId), null, ""), args.toArray()));
    }

    /** Whether Redis still has the hold (taken and neither freed nor sold). */
    public boolean holding(UUID showId, UUID holdId) {
        return redis.<String, String>getMap(SeatKeys.of(showId).holds(), StringCodec.INSTANCE)
                .containsKey(holdId.toString());
    }

    /** What the sweeper found of a show: how many holds its expiry index has, and those whose lease has ended. */
    public record Due(long indexed, List<UUID> holdIds) {
    }

    /**
     * The holds of each show whose lease has ended by Redis's clock, {@code limit} at most per show: one script per
     * show (each in its show's slot), sent together in one batch.
     */
    public Map<UUID, Due> due(Collection<UUID> showIds, int limit) {
        RBatch batch = redis.createBatch();
        RScriptAsync script = batch.getScript(StringCodec.INSTANCE);
        Map<UUID, RFuture<List<Object>>> answers = new LinkedHashMap<>();
        for (UUID showId : showIds) {
            answers.put(showId, script.evalAsync(RScript.Mode.READ_ONLY, due, RScript.ReturnType.LIST,
                    List.of(SeatKeys.of(showId).expiring()), Integer.toString(limit)));
        }
        if (answers.isEmpty()) {
            return Map.of();
        }
        batch.execute();
        Map<UUID, Due> due = new LinkedHashMap<>();
        answers.forEach((showId, answer) -> {
            List<Object> result = answer.toCompletableFuture().join();
            due.put(showId, new Due(((Number) result.getFirst()).longValue(),
                    result.subList(1, result.size()).stream().map(hold -> UUID.fromString((String) hold)).toList()));
        });
        return due;
    }

    /** Redis's clock: leases are set and judged by it alone, as the instances' clocks may differ. */
    public Instant time() {
        long sent = System.nanoTime();
        List<Object> time = scripts.eval(RScript.Mode.READ_ONLY, this.time, RScript.ReturnType.LIST, List.of());
        long answered = System.nanoTime();
        lastTimeRead = answered;
        Instant redisTime = Instant.ofEpochSecond(Long.parseLong(String.valueOf(time.get(0))),
                Long.parseLong(String.valueOf(time.get(1))) * 1_000);
        if (answered - sent <= TRUSTED_ROUND_TRIP.toNanos() || redisClock == null) {
            redisClock = new RedisClock(redisTime, sent + (answered - sent) / 2);
        }
        return redisTime;
    }

    /**
     * Redis's clock now, without asking it every time: its time as last read, plus what this JVM's monotonic clock
     * counted since (read again every {@link #CLOCK_RESYNC}). Off by at most half the round trip of the read it
     * comes from, which is a quick one unless no read has been quick yet.
     */
    public Instant estimatedTime() {
        RedisClock clock = redisClock;
        if (clock == null || System.nanoTime() - lastTimeRead > CLOCK_RESYNC.toNanos()) {
            time();
            clock = redisClock;
        }
        return clock.time().plusNanos(System.nanoTime() - clock.nanos());
    }

    /** Redis's time and this JVM's {@link System#nanoTime()} at the same moment. */
    private record RedisClock(Instant time, long nanos) {
    }

    /** The hold an earlier request with this idempotency key took, while its lease runs. */
    public Optional<UUID> earlierHold(UUID showId, UUID customerId, String idempotencyKey) {
        return Optional.ofNullable(redis.<String>getBucket(SeatKeys.of(showId).idempotency(customerId, idempotencyKey),
                StringCodec.INSTANCE).get()).map(UUID::fromString);
    }

    /** Puts the named seats that are kept for the line back on sale; how many were. */
    public long unkeep(UUID showId, List<String> seatIds) {
        return scripts.eval(RScript.Mode.READ_WRITE, unkeep, RScript.ReturnType.LONG,
                keys(SeatKeys.of(showId), null, ""), seatIds.toArray());
    }

    /** Enters or removes a waiting-line entry: while the show's line has one, freed seats are kept for it. */
    public void line(UUID showId, UUID entryId, boolean waiting) {
        var line = redis.<String>getSet(SeatKeys.of(showId).line(), StringCodec.INSTANCE);
        if (waiting) {
            line.add(entryId.toString());
        }
        else {
            line.remove(entryId.toString());
        }
    }

    /**
     * Removes a waiting-line entry; when it was the last, every seat kept for the line goes back on sale in the same
     * step: how many did.
     */
    public long leave(UUID showId, UUID entryId) {
        return scripts.eval(RScript.Mode.READ_WRITE, leave, RScript.ReturnType.LONG, keys(SeatKeys.of(showId), null, ""),
                entryId.toString());
    }

    /** Forgets an idempotency key, so that the next request with it takes a new hold: the one it named has ended. */
    public void forgetIdempotencyKey(UUID showId, UUID customerId, String idempotencyKey) {
        redis.getBucket(SeatKeys.of(showId).idempotency(customerId, idempotencyKey), StringCodec.INSTANCE).delete();
    }

    /** Writes a rebuilt seat state (JSON, see rebuild.lua) unless the show has one; whether it was written. */
    public boolean rebuild(UUID showId, String stateJson) {
        return "REBUILT".equals(scripts.eval(RScript.Mode.READ_WRITE, rebuild, RScript.ReturnType.VALUE,
                keys(SeatKeys.of(showId), null, ""), stateJson));
    }

    /**
     * One key layout for every script: 1 seats, 2 counts, 3 fence, 4 holds, 5 customers, 6 idempotency,
     * 7 expiring, 8 lease, 9 line.
     */
    private static List<Object> keys(SeatKeys keys, UUID holdId, String idempotency) {
        return List.of(keys.seats(), keys.counts(), keys.fence(), keys.holds(), keys.customers(),
                idempotency.isEmpty() ? keys.holds() + ":none" : idempotency, keys.expiring(),
                holdId == null ? keys.holds() + ":lease:none" : keys.lease(holdId), keys.line());
    }

    /** A Lua script from the class path. */
    public static String load(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
