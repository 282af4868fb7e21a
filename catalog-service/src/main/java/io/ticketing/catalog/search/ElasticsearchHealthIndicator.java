package io.ticketing.catalog.search;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Shows under {@code elasticsearch} in the catalog's health, and in its readiness, whether search can answer: UP when
 * the alias points at an index, {@link #DEGRADED} when Elasticsearch does not answer within a second, fails, or has no
 * index yet. DEGRADED answers 200 and ranks below OUT_OF_SERVICE ({@code management.endpoint.health.status.order}):
 * the catalog stays in rotation, since browsing does not need Elasticsearch and search answers 503 on its own (ADR 6).
 * The look-up runs on a thread of its own, so that a cluster that does not answer cannot hold a probe past its limit.
 */
@Component
class ElasticsearchHealthIndicator implements HealthIndicator {

    /** Serving, without search. */
    static final Status DEGRADED = new Status("DEGRADED", "search is unavailable; browsing still works");
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final ThreadFactory LOOKUPS = Thread.ofVirtual().name("elasticsearch-health").factory();

    private final SearchIndex index;

    ElasticsearchHealthIndicator(SearchIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        try {
            return CompletableFuture.supplyAsync(index::aliasedIndex, lookup -> LOOKUPS.newThread(lookup).start())
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .map(live -> Health.up().withDetail("index", live).build())
                    .orElseGet(() -> degraded("no index behind alias " + index.alias() + " yet"));
        }
        catch (TimeoutException ex) {
            return degraded("no answer within " + TIMEOUT.toMillis() + " ms");
        }
        catch (ExecutionException ex) {
            return degraded(ex.getCause().getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return degraded("interrupted");
        }
    }

    private static Health degraded(String error) {
        return Health.status(DEGRADED).withDetail("error", error).build();
    }
}
