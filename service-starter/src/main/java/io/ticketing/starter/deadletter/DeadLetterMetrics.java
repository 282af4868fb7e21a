package io.ticketing.starter.deadletter;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ticketing.starter.metrics.CachedQuery;

/**
 * {@code ticketing.dead.letters.unresolved}: the service's dead letters that no operator has replayed or discarded
 * yet. The counter {@code ticketing.events.dead.letters} says when events die; this says how many still wait for
 * someone, after a restart too. Counted by one query at most once per interval (5 s), however often it is read.
 */
public class DeadLetterMetrics implements MeterBinder {

    private final CachedQuery<Long> unresolved;

    public DeadLetterMetrics(DeadLetters deadLetters, Duration interval) {
        this.unresolved = new CachedQuery<>("the unresolved dead letters", interval, deadLetters::unresolved);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ticketing.dead.letters.unresolved", unresolved,
                        count -> count.get().map(Long::doubleValue).orElse(Double.NaN))
                .description("Dead letters that no operator has replayed or discarded yet")
                .strongReference(true)
                .register(registry);
    }
}
