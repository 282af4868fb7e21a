package io.ticketing.reservation.availability;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import io.ticketing.events.reservation.SeatAvailabilityChanged;
import io.ticketing.reservation.seating.LiveSeats;
import io.ticketing.reservation.seating.SeatChanges;
import io.ticketing.reservation.seating.SeatChange;
import io.ticketing.reservation.seating.SeatScripts;
import io.ticketing.reservation.seating.SeatingPlan;
import io.ticketing.reservation.seating.SeatingPlans;

/**
 * Reports the seats per type that each show can still sell, as {@link SeatAvailabilityChanged} through the
 * outbox, at most once per {@code availability-interval} per show. Every instance hears every change (one
 * Redis subscription each), keeps each changed show's counts up to date with it ({@link SeatCounts}, from one
 * snapshot of the seat map, read again only after a missed change) and notes the show; every {@value #TICK_MILLIS}
 * ms it tries to claim the shows it noted in Redis. A claim lives one interval, so among all instances one reports a
 * show per interval; a change within the interval is reported when the claim has expired, and counts no newer than
 * the last report are dropped. A report carries the sequence of the last change its counts include.
 *
 * <p>The same counts are the {@code ticketing.show.seats} gauge of the {@value #HOT_SHOWS} shows that changed last
 * (tags {@code show} and {@code status}: {@code available}, or {@code taken} by a hold, a sale or a block), updated at
 * most every {@code ticketing.metrics.query-interval}: what an operator watches of an on-sale. Every instance hears
 * every change, so each reports the same figures.
 */
@Component
class AvailabilityReports {

    static final long TICK_MILLIS = 100;
    static final int HOT_SHOWS = 10;
    /** The counts of a show that did not change for this long are forgotten (read again if it changes later). */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(AvailabilityReports.class);

    private final RedissonClient redis;
    private final RScript scripts;
    private final String claim = SeatScripts.load("redis/availability.lua");
    private final SeatingPlans plans;
    private final LiveSeats live;
    private final AvailabilityProperties properties;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Shows with changes not reported yet, with the latest sequence heard of. */
    private final Map<UUID, Long> changed = new ConcurrentHashMap<>();
    /** The counts of shows that changed lately, and when each last did (System.nanoTime). */
    private final Map<UUID, SeatCounts> counts = new ConcurrentHashMap<>();
    private final Map<UUID, Long> lastChanged = new ConcurrentHashMap<>();
    private final MultiGauge hotShowSeats;
    private final long hotShowsEveryNanos;
    private long hotShowsAt;

    AvailabilityReports(RedissonClient redis, SeatChanges changes, SeatingPlans plans, LiveSeats live,
            AvailabilityProperties properties, TransactionOperations transactions, ApplicationEventPublisher events,
            Clock clock, MeterRegistry meters,
            @Value("${ticketing.metrics.query-interval:PT5S}") Duration hotShowsInterval) {
        this.redis = redis;
        this.scripts = redis.getScript(StringCodec.INSTANCE);
        this.plans = plans;
        this.live = live;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.hotShowSeats = MultiGauge.builder("ticketing.show.seats")
                .description("Seats of the shows that changed last, available or taken (held, sold or blocked)")
                .register(meters);
        this.hotShowsEveryNanos = hotShowsInterval.toNanos();
        this.hotShowsAt = System.nanoTime() - hotShowsEveryNanos;
        changes.follow(this::changed, this::resubscribed);
    }

    /** Changes may have been missed while the subscription was away: count those shows again and report them. */
    private void resubscribed() {
        counts.forEach((showId, showCounts) -> {
            showCounts.unsync();
            changed.merge(showId, 0L, Math::max);
        });
    }

    private void changed(SeatChange change) {
        SeatCounts showCounts = counts.get(change.showId());
        if (showCounts != null) {
            showCounts.changed(change);
        }
        lastChanged.put(change.showId(), System.nanoTime());
        changed.merge(change.showId(), change.sequence(), Math::max);
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
        long now = System.nanoTime();
        lastChanged.forEach((showId, at) -> {
            if (now - at > FORGET_AFTER.toNanos() && !changed.containsKey(showId)) {
                lastChanged.remove(showId, at);
                counts.remove(showId);
            }
        });
        if (now - hotShowsAt >= hotShowsEveryNanos) {
            hotShowsAt = now;
            meterHotShows();
        }
    }

    /** The seats of the shows that changed last, as far as their counts are up to date. */
    private void meterHotShows() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        lastChanged.entrySet().stream().sorted(Map.Entry.<UUID, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(HOT_SHOWS).forEach(show -> {
                    SeatCounts showCounts = counts.get(show.getKey());
                    if (showCounts == null || !showCounts.isSynced()) {
                        return;
                    }
                    try {
                        int total = 0;
                        int available = 0;
                        for (var type : showCounts.current().counts()) {
                            total += type.total();
                            available += type.available();
                        }
                        Tags tags = Tags.of("show", show.getKey().toString());
                        rows.add(MultiGauge.Row.of(tags.and("status", "available"), available));
                        rows.add(MultiGauge.Row.of(tags.and("status", "taken"), total - available));
                    }
                    catch (IllegalStateException unsynced) {
                        // a change went missing just now: the next round has it
                    }
                });
        hotShowSeats.register(rows, true);
    }

    private void report(UUID showId, long heard) {
        SeatingPlan plan = plans.plan(showId).orElse(null);
        if (plan == null) {
            changed.remove(showId, heard);
            return;
        }
        SeatCounts showCounts = counts.compute(showId,
                (id, known) -> known != null && known.plan().seatTypes() == plan.seatTypes() ? known : new SeatCounts(plan));
        if (!showCounts.isSynced()) {
            showCounts.unsync();
            showCounts.synced(live.snapshot(showId));
            if (!showCounts.isSynced()) {
                return; // changes went missing while the snapshot was read: again at the next tick
            }
        }
        SeatCounts.Current current = showCounts.current();
        String prefix = "show:{" + showId + "}:availability";
        String answer = scripts.eval(RScript.Mode.READ_WRITE, claim, RScript.ReturnType.VALUE,
                List.of(prefix + ":claim", prefix + ":sequence"),
                Long.toString(properties.availabilityInterval().toMillis()), Long.toString(current.sequence()));
        switch (Claim.valueOf(answer)) {
            case WAIT -> {
                // reported within the interval: again once the claim expired
            }
            case CURRENT -> changed.remove(showId, heard);
            case REPORT -> {
                changed.remove(showId, heard);
                try {
                    var report = new SeatAvailabilityChanged(UUID.randomUUID(), clock.instant(), showId,
                            current.sequence(), current.counts());
                    transactions.executeWithoutResult(tx -> events.publishEvent(report));
                }
                catch (RuntimeException ex) {
                    // not reported after all: let the next attempt (here or elsewhere) report it
                    redis.getBucket(prefix + ":sequence", StringCodec.INSTANCE).delete();
                    changed.merge(showId, heard, Math::max);
                    throw ex;
                }
            }
        }
    }

    /** What {@code availability.lua} answers for a show's counts. */
    enum Claim {
        /** Counts no newer than the last report: nothing to say. */
        CURRENT,
        /** A report was made within the interval: again once its claim expired. */
        WAIT,
        /** This instance reports the counts now. */
        REPORT
    }
}
