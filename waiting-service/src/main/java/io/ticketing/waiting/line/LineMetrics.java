package io.ticketing.waiting.line;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ticketing.starter.metrics.CachedQuery;

/**
 * The waiting lines' meters: entries waiting now, all shows together ({@code ticketing.waiting.entries}, counted in
 * PostgreSQL at most every {@link #COUNT_EVERY}, however often it is scraped), offers by outcome
 * ({@code ticketing.waiting.offers}) and how long after seats came free an offer was made
 * ({@code ticketing.waiting.offer.latency}). Every meter is built once, here.
 */
@Component
class LineMetrics {

    static final Duration COUNT_EVERY = Duration.ofSeconds(5);

    private final CachedQuery<Long> waiting;
    private final Counter offered;
    private final Counter withdrawn;
    private final Counter refused;
    private final Timer latency;

    LineMetrics(EntryRepository entries, MeterRegistry registry) {
        this.waiting = new CachedQuery<>("the waiting entries", COUNT_EVERY, entries::countWaiting);
        Gauge.builder("ticketing.waiting.entries", this, LineMetrics::waiting)
                .description("Waiting-line entries waiting now, all shows together (counted every few seconds)")
                .tag("status", "waiting").register(registry);
        offered = offers(registry, "offered");
        withdrawn = offers(registry, "withdrawn");
        refused = offers(registry, "refused");
        latency = Timer.builder("ticketing.waiting.offer.latency")
                .description("Time from seats coming free (the release, expiry or kept-seats event) to their offer")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
                        Duration.ofSeconds(10), Duration.ofSeconds(30))
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    private static Counter offers(MeterRegistry registry, String outcome) {
        return Counter.builder("ticketing.waiting.offers")
                .description("Offers of kept seats to waiters: offered (recorded and announced), withdrawn (the hold "
                        + "made could not be recorded, or its waiter had left), refused (the waiter may hold no more)")
                .tag("outcome", outcome).register(registry);
    }

    /** Waiting entries: the last count, counted again when older than {@link #COUNT_EVERY}; NaN while it cannot be. */
    private double waiting() {
        return waiting.get().map(Long::doubleValue).orElse(Double.NaN);
    }

    /**
     * A serve's round ended: {@code offered} offers recorded (made {@code at}, for seats that came free at
     * {@code freedAt}, when a freeing event asked for the serve), {@code withdrawn} taken back, {@code refused}.
     */
    void served(int offers, int withdrawals, int refusals, Instant freedAt, Instant at) {
        offered.increment(offers);
        withdrawn.increment(withdrawals);
        refused.increment(refusals);
        if (freedAt != null && offers > 0) {
            Duration waited = Duration.between(freedAt, at);
            for (int i = 0; i < offers; i++) {
                latency.record(waited.isNegative() ? Duration.ZERO : waited);
            }
        }
    }
}
