package io.ticketing.catalog.search;

import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ticketing.starter.RequestRejectedException;

/** The index's background start-up: it tries again every 2 s until the index exists, and stops with the service. */
class SearchIndexStartupTest {

    private final ShowIndexer indexer = mock(ShowIndexer.class);
    private final SearchIndexStartup startup = new SearchIndexStartup(indexer);

    @AfterEach
    void stop() {
        startup.stop();
    }

    @Test
    void triesAgainWhileElasticsearchIsAwayOrAnotherInstanceBuildsTheIndex() {
        doThrow(new SearchUnavailableException("Elasticsearch did not answer", null))
                .doThrow(RequestRejectedException.conflict("REBUILD_RUNNING", "A rebuild is running"))
                .doNothing()
                .when(indexer).ensureIndex();

        startup.ensureIndex();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(indexer, times(3)).ensureIndex());
        verify(indexer, after(2500).times(3)).ensureIndex();
    }

    @Test
    void stopsTryingWhenTheServiceStops() {
        doThrow(new SearchUnavailableException("Elasticsearch did not answer", null)).when(indexer).ensureIndex();
        startup.ensureIndex();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(indexer).ensureIndex());

        startup.stop();

        verify(indexer, after(2500).times(1)).ensureIndex();
    }
}
