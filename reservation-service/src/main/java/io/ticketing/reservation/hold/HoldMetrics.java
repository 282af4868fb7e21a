package io.ticketing.reservation.hold;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.redisson.client.RedisBusyException;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisNodeNotFoundException;
import org.redisson.client.RedisOutOfMemoryException;
import org.redisson.client.RedisReadonlyException;
import org.redisson.client.RedisReconnectedException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.starter.metrics.AfterCommit;
import io.micrometer.core.instrument.Timer;
import io.ticketing.starter.RequestRejectedException;

/**
 * The meters of holds: requests to take one by outcome ({@code ticketing.holds}), how long they took
 * ({@code ticketing.hold.duration}, the p99 an alert reads) and ends of holds by reason
 * ({@code ticketing.holds.ended}).
 * Every meter is built here once, for every tag value there is: a hold request, a thousand a second in a rush, only
 * picks one from a field or a small map, and never asks the registry for a meter by name.
 */
@Component
class HoldMetrics {

    static final String HOLDS = "ticketing.holds";
    static final String DURATION = "ticketing.hold.duration";
    static final String ENDED = "ticketing.holds.ended";
    /** The {@code code} of a hold taken or replayed. */
    static final String NONE = "none";
    /** The {@code code} of a failure that is no problem the service answers (a fault: a 500). */
    static final String ERROR = "ERROR";
    /** Redis away: the exceptions {@code RedisUnavailableAdvice} answers {@code 503 REDIS_UNAVAILABLE}. */
    static final Set<Class<? extends Exception>> REDIS_AWAY = Set.of(RedisTimeoutException.class,
            RedisConnectionException.class, RedisRetryException.class, RedisBusyException.class,
            RedisReconnectedException.class, RedisNodeNotFoundException.class, RedisReadonlyException.class,
            RedisOutOfMemoryException.class);
    /** The {@code code} of a refusal with a code not in {@link #REFUSALS}, should one be added without its meter. */
    static final String OTHER = "OTHER";
    /** The problem codes a hold request may be refused with: the customer's request cannot be met. */
    static final List<String> REFUSALS = List.of("SEATS_HELD", "SEATS_UNAVAILABLE", "SHOW_FULL", "TOO_MANY_SEATS",
            "INVALID_SEATS", "SHOW_NOT_FOUND", "SALES_CLOSED", "HOLD_NOT_FOUND");
    /** The problem codes of a hold request that failed for now (503: the same request may succeed later). */
    static final List<String> FAILURES = List.of("REDIS_UNAVAILABLE", "HOLD_IN_PROGRESS", "SEAT_MAP_RECOVERING");
    /** The hold statuses that end a hold, each a {@code reason} of {@link #ENDED}. */
    static final List<Hold.Status> ENDS = List.of(Hold.Status.RELEASED, Hold.Status.EXPIRED, Hold.Status.CONFIRMED,
            Hold.Status.REFUNDED);
    private static final Duration[] SLOS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500) };

    private final Counter taken;
    private final Counter replayed;
    private final Map<String, Counter> refused = new HashMap<>();
    private final Map<String, Counter> failed = new HashMap<>();
    private final Timer takenTime;
    private final Timer replayedTime;
    private final Timer refusedTime;
    private final Timer failedTime;
    private final Map<Hold.Status, Counter> ended = new EnumMap<>(Hold.Status.class);

    HoldMetrics(MeterRegistry registry) {
        taken = holds(registry, "taken", NONE);
        replayed = holds(registry, "replayed", NONE);
        for (String code : REFUSALS) {
            refused.put(code, holds(registry, "refused", code));
        }
        refused.put(OTHER, holds(registry, "refused", OTHER));
        for (String code : FAILURES) {
            failed.put(code, holds(registry, "failed", code));
        }
        failed.put(ERROR, holds(registry, "failed", ERROR));
        takenTime = duration(registry, "taken");
        replayedTime = duration(registry, "replayed");
        refusedTime = duration(registry, "refused");
        failedTime = duration(registry, "failed");
        for (Hold.Status end : ENDS) {
            ended.put(end, Counter.builder(ENDED).description("Holds ended, once each where the end is recorded")
                    .tag("reason", end.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    private static Counter holds(MeterRegistry registry, String outcome, String code) {
        return Counter.builder(HOLDS)
                .description("Requests to hold seats, by outcome: taken, replayed (the same Idempotency-Key again), "
                        + "refused or failed, with the problem code")
                .tag("outcome", outcome).tag("code", code).register(registry);
    }

    private static Timer duration(MeterRegistry registry, String outcome) {
        return Timer.builder(DURATION)
                .description("Time from a hold request reaching the hold service to its answer")
                .tag("outcome", outcome).publishPercentileHistogram().serviceLevelObjectives(SLOS)
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
    }

    /** A hold was taken for a request that started at {@code startNanos} ({@link System#nanoTime()}). */
    void taken(long startNanos) {
        taken.increment();
        takenTime.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** A request named the hold an earlier request with its idempotency key took. */
    void replayed(long startNanos) {
        replayed.increment();
        replayedTime.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** A request was answered with a problem, or failed. */
    void rejected(RuntimeException failure, long startNanos) {
        if (failure instanceof RequestRejectedException problem
                && problem.reason() != RequestRejectedException.Reason.UNAVAILABLE) {
            refused.getOrDefault(problem.code(), refused.get(OTHER)).increment();
            refusedTime.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
            return;
        }
        String code = failure instanceof RequestRejectedException problem ? problem.code()
                : redisAway(failure) ? "REDIS_UNAVAILABLE" : ERROR;
        failed.getOrDefault(code, failed.get(ERROR)).increment();
        failedTime.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private static boolean redisAway(RuntimeException failure) {
        for (Class<? extends Exception> away : REDIS_AWAY) {
            if (away.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A hold's end was recorded: counted once the transaction that recorded it commits (at once outside one), so an
     * end rolled back and recorded again by a redelivery counts once.
     */
    void ended(Hold.Status status) {
        Counter counter = ended.get(status);
        if (counter == null) {
            return;
        }
        AfterCommit.run(counter::increment);
    }
}
