package io.ticketing.starter.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ticketing.starter.metrics.CachedQuery;

/**
 * How far the outbox is behind: {@code ticketing.outbox.backlog}, the event publications Kafka has not acknowledged
 * yet, and {@code ticketing.outbox.oldest.age}, how long the oldest of them has waited (seconds; 0 when there is
 * none). A backlog that keeps growing, or an age past {@link OutboxResubmitter}'s 30 s, means the service's events do
 * not reach Kafka: the other services hear nothing of what it committed since.
 *
 * <p>Both come from one query, asked at most once per interval (5 s) however often they are read; the age is counted
 * up to the moment it is read. A completed row waits milliseconds for {@link OutboxCompletions} to delete it, and is
 * counted until then.
 */
public class OutboxMetrics implements MeterBinder {

    private final CachedQuery<Backlog> backlog;
    private final Clock clock;

    public OutboxMetrics(JdbcClient jdbc, Clock clock, Duration interval) {
        this.clock = clock;
        this.backlog = new CachedQuery<>("the outbox's incomplete event publications", interval, () -> jdbc.sql("""
                SELECT count(*) AS incomplete, min(publication_date) AS oldest
                FROM event_publication
                WHERE completion_date IS NULL""")
                .query((rs, n) -> {
                    OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
                    return new Backlog(rs.getLong("incomplete"), oldest == null ? null : oldest.toInstant());
                })
                .single());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ticketing.outbox.backlog", this, OutboxMetrics::incomplete)
                .description("Event publications in the outbox that Kafka has not acknowledged yet")
                .strongReference(true)
                .register(registry);
        Gauge.builder("ticketing.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("How long the oldest event publication not acknowledged by Kafka has waited; 0 when none")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    private double incomplete() {
        return backlog.get().map(now -> (double) now.incomplete()).orElse(Double.NaN);
    }

    private double oldestAgeSeconds() {
        return backlog.get().map(now -> now.oldest() == null ? 0.0
                : Math.max(0, Duration.between(now.oldest(), clock.instant()).toMillis() / 1000.0))
                .orElse(Double.NaN);
    }

    /** The incomplete publications and when the oldest of them was published (null when there is none). */
    private record Backlog(long incomplete, @Nullable Instant oldest) {
    }
}
