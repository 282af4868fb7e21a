package io.ticketing.catalog.search;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure the index exists once the service runs. The catalog starts and serves browsing without
 * Elasticsearch; this keeps trying in the background until the index is there (built by this instance, or
 * by another one, or by this one after another's rebuild was abandoned). Not in the one-shot generator
 * mode, which exits right after loading.
 */
@Component
@ConditionalOnBooleanProperty(name = "ticketing.catalog.generate.enabled", havingValue = false, matchIfMissing = true)
class SearchIndexStartup {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexStartup.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final ShowIndexer indexer;

    SearchIndexStartup(ShowIndexer indexer) {
        this.indexer = indexer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndex() {
        Thread.ofVirtual().name("search-index-startup").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    if (indexer.ensureIndex()) {
                        return;
                    }
                }
                catch (SearchUnavailableException ex) {
                    log.warn("Search index not ready ({}); retrying in {} s", ex.getMessage(), RETRY.toSeconds());
                }
                try {
                    Thread.sleep(RETRY);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        });
    }
}
