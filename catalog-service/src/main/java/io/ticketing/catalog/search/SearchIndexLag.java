package io.ticketing.catalog.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far behind the search index is ({@code ticketing.search.index.lag}, seconds): the age of the oldest catalog
 * change the feed has taken from Kafka and not yet written to the index, or 0 when it has written all it took. A batch
 * that fails (Elasticsearch down) keeps its changes pending while it is retried, and the changes after it wait behind
 * it on their partitions, so the oldest change not indexed is always one of those pending here. Changes still in Kafka
 * while the feed is idle (it polls at least every 100 ms) are not seen. Kept in memory, per feed thread; reading it
 * costs no query.
 */
@Component
class SearchIndexLag {

    /** The oldest change each thread is writing to the index (or failed to, and will retry). */
    private final Map<Thread, Instant> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    SearchIndexLag(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        Gauge.builder("ticketing.search.index.lag", this, SearchIndexLag::seconds)
                .description("Age of the oldest catalog change not yet in the search index; 0 when it has them all")
                .baseUnit("seconds").strongReference(true).register(meters);
    }

    /** This thread is about to index changes, the oldest of which happened at {@code oldest}. */
    void indexing(Instant oldest) {
        pending.merge(Thread.currentThread(), oldest, (before, now) -> before.isBefore(now) ? before : now);
    }

    /** This thread wrote what it was indexing. */
    void indexed() {
        pending.remove(Thread.currentThread());
    }

    double seconds() {
        Instant oldest = pending.values().stream().min(Instant::compareTo).orElse(null);
        if (oldest == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldest, clock.instant()).toNanos() / 1e9);
    }
}
