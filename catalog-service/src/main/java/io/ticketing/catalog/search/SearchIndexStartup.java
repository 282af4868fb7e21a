package io.ticketing.catalog.search;

import java.time.Duration;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.stereotype.Component;

import io.ticketing.starter.RequestRejectedException;

/**
 * Makes sure the index exists once the service runs. The catalog starts and serves browsing without
 * Elasticsearch; this keeps trying in the background, every 2 s, until the index is there (built by this instance, or
 * by another one, or by this one after another's rebuild was abandoned), and stops when the service does. Not in the
 * one-shot generator mode, which exits right after loading.
 */
@Component
@ConditionalOnBooleanProperty(name = "ticketing.catalog.generate.enabled", havingValue = false, matchIfMissing = true)
class SearchIndexStartup {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexStartup.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final ShowIndexer indexer;
    /** Retries while Elasticsearch is away or another instance is building the index ({@code REBUILD_RUNNING}). */
    private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
            .includes(SearchUnavailableException.class, RequestRejectedException.class)
            .maxRetries(Long.MAX_VALUE).delay(RETRY).build());
    private volatile Thread startup;

    SearchIndexStartup(ShowIndexer indexer) {
        this.indexer = indexer;
        retry.setRetryListener(new RetryListener() {
            @Override
            public void onRetryableExecution(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                if (!state.isSuccessful() && policy.shouldRetry(state.getLastException())) {
                    log.warn("Search index not ready ({}); retrying in {} s", state.getLastException().getMessage(),
                            RETRY.toSeconds());
                }
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndex() {
        startup = Thread.ofVirtual().name("search-index-startup").start(() -> {
            try {
                retry.invoke(indexer::ensureIndex);
            }
            catch (RuntimeException ex) {
                if (!Thread.currentThread().isInterrupted()) {
                    log.error("Gave up making sure the search index exists", ex);
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        if (startup != null) {
            startup.interrupt();
        }
    }
}
