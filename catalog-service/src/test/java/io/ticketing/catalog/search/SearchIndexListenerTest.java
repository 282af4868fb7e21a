package io.ticketing.catalog.search;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.ticketing.catalog.show.AvailabilityRepository;
import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.catalog.ShowCancelled;

/** The feed tells the indexer when the oldest change of a batch happened, which is how far behind the index is. */
class SearchIndexListenerTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final ShowIndexer indexer = mock(ShowIndexer.class);
    private final SearchIndexListener feed = new SearchIndexListener(indexer, mock(AvailabilityRepository.class));

    @Test
    void indexesABatchsShowsAsBehindSinceItsOldestChange() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        feed.onCatalogEvents(List.of(record(new ShowCancelled(UUID.randomUUID(), NOW, first)),
                record(new ShowCancelled(UUID.randomUUID(), NOW.minusSeconds(90), second)),
                record(new ShowCancelled(UUID.randomUUID(), NOW.minusSeconds(30), first))));

        verify(indexer).sync(Set.of(first, second), NOW.minusSeconds(90));
    }

    @Test
    void aBatchWithoutCatalogChangesIndexesNothing() {
        feed.onCatalogEvents(List.of(new ConsumerRecord<>(Topics.CATALOG_SHOW_EVENTS, 0, 0, "key", null)));

        verify(indexer, never()).sync(anyCollection(), any(Instant.class));
        verify(indexer, never()).sync(anyCollection());
    }

    private static ConsumerRecord<String, IntegrationEvent> record(IntegrationEvent event) {
        return new ConsumerRecord<>(event.topic(), 0, 0, event.key(), event);
    }
}
