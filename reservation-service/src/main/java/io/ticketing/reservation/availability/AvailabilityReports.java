package io.ticketing.reservation.availability;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.events.reservation.SeatAvailabilityChanged;
import io.ticketing.reservation.seating.LiveSeats;
import io.ticketing.reservation.seating.SeatChanges;
import io.ticketing.reservation.seating.SeatKeys;
import io.ticketing.reservation.seating.SeatScripts;
import io.ticketing.reservation.seating.SeatSnapshot;
import io.ticketing.reservation.seating.SeatingPlan;
import io.ticketing.reservation.seating.SeatingPlans;

/**
 * Reports the seats per type that each show can still sell, as {@link SeatAvailabilityChanged} through the
 * outbox, at most once per {@code availability-interval} per show. Every instance hears every change (one
 * Redis subscription each) and notes the show; every {@value #TICK_MILLIS} ms it tries to claim the shows it
 * noted in Redis. A claim lives one interval, so among all instances one reports a show per interval; a
 * change within the interval is reported when the claim has expired, and a show whose last report is
 * current is dropped. The counts and their {@code sequence} are read in the same atomic step.
 */
@Component
class AvailabilityReports {

    static final long TICK_MILLIS = 100;
    private static final Logger log = LoggerFactory.getLogger(AvailabilityReports.class);

    private final RedissonClient redis;
    private final RScript scripts;
    private final String claim = SeatScripts.load("redis/availability.lua");
    private final SeatingPlans plans;
    private final AvailabilityProperties properties;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Shows with changes not reported yet, with the latest sequence heard of. */
    private final Map<UUID, Long> changed = new ConcurrentHashMap<>();

    AvailabilityReports(RedissonClient redis, SeatChanges changes, SeatingPlans plans,
            AvailabilityProperties properties, TransactionOperations transactions, ApplicationEventPublisher events,
            Clock clock) {
        this.redis = redis;
        this.scripts = redis.getScript(StringCodec.INSTANCE);
        this.plans = plans;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        changes.follow(change -> changed.merge(change.showId(), change.sequence(), Math::max), () -> {
        });
    }

    @Scheduled(fixedDelay = TICK_MILLIS)
    void report() {
        for (Map.Entry<UUID, Long> entry : changed.entrySet()) {
            UUID showId = entry.getKey();
            try {
                report(showId, entry.getValue());
            }
            catch (RuntimeException ex) {
                log.warn("Could not report the availability of show {}; trying again", showId, ex);
            }
        }
    }

    private void report(UUID showId, long heard) {
        SeatKeys keys = SeatKeys.of(showId);
        String prefix = "show:{" + showId + "}:availability";
        List<Object> result = scripts.eval(RScript.Mode.READ_WRITE, claim, RScript.ReturnType.LIST,
                List.of(keys.seats(), keys.counts(), prefix + ":claim", prefix + ":sequence"),
                Long.toString(properties.availabilityInterval().toMillis()));
        switch ((String) result.getFirst()) {
            case "WAIT" -> {
                // reported within the interval: again once the claim expired
            }
            case "CURRENT" -> changed.remove(showId, heard);
            case "REPORT" -> {
                changed.remove(showId, heard);
                SeatSnapshot snapshot = LiveSeats.snapshot(showId, result, 1);
                try {
                    publish(snapshot);
                }
                catch (RuntimeException ex) {
                    // not reported after all: let the next attempt (here or elsewhere) report it
                    redis.getBucket(prefix + ":sequence", StringCodec.INSTANCE).delete();
                    changed.merge(showId, heard, Math::max);
                    throw ex;
                }
            }
            default -> throw new IllegalStateException("Unexpected answer " + result.getFirst());
        }
    }

    private void publish(SeatSnapshot snapshot) {
        SeatingPlan plan = plans.plan(snapshot.showId()).orElse(null);
        if (plan == null) {
            return;
        }
        var report = new SeatAvailabilityChanged(UUID.randomUUID(), clock.instant(), snapshot.showId(),
                snapshot.sequence(), SeatCounts.of(plan, snapshot));
        transactions.executeWithoutResult(tx -> events.publishEvent(report));
    }
}
