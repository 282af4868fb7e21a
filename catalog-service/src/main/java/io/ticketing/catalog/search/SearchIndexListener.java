package io.ticketing.catalog.search;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.catalog.show.AvailabilityRepository;
import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.catalog.CatalogChanged;
import io.ticketing.events.catalog.ShowCancelled;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.catalog.ShowUpdated;
import io.ticketing.events.reservation.SeatAvailabilityChanged;
import io.ticketing.starter.messaging.ConsumerFailures;

/**
 * Feeds the search index from the catalog's own events and from reservation-service's availability
 * reports. Records come in batches, so a burst of changes to one show costs one read and one write. A
 * batch that fails (Elasticsearch down) is retried until it succeeds: the index falls behind, it never
 * skips a change.
 */
@Component
class SearchIndexListener {

    private final ShowIndexer indexer;
    private final AvailabilityRepository availability;

    SearchIndexListener(ShowIndexer indexer, AvailabilityRepository availability) {
        this.indexer = indexer;
        this.availability = availability;
    }

    @KafkaListener(id = "catalog-search-index", groupId = "catalog-service.search-index",
            topics = { Topics.CATALOG_SHOW_EVENTS, Topics.CATALOG_CATALOG_EVENTS },
            containerFactory = ConsumerFailures.BATCH_LISTENERS)
    void onCatalogEvents(List<ConsumerRecord<String, IntegrationEvent>> records) {
        ConsumerFailures.applyReadable(records, this::indexCatalogEvents);
    }

    /** The shows the batch's changes touched, indexed together; the oldest change tells how far behind the index is. */
    private void indexCatalogEvents(List<ConsumerRecord<String, IntegrationEvent>> records) {
        Set<UUID> shows = new LinkedHashSet<>();
        Instant oldest = null;
        for (var record : records) {
            switch (record.value()) {
                case ShowScheduled scheduled -> shows.add(scheduled.showId());
                case ShowUpdated updated -> shows.add(updated.showId());
                case ShowCancelled cancelled -> shows.add(cancelled.showId());
                case CatalogChanged change -> shows.addAll(indexer.showsAffectedBy(change));
                case null, default -> {
                    continue;
                }
            }
            Instant changed = record.value().occurredAt();
            oldest = oldest == null || changed.isBefore(oldest) ? changed : oldest;
        }
        if (oldest != null) {
            indexer.sync(shows, oldest);
        }
    }

    @KafkaListener(id = "catalog-availability", groupId = "catalog-service.availability",
            topics = Topics.RESERVATION_HOLD_EVENTS, containerFactory = ConsumerFailures.BATCH_LISTENERS)
    void onAvailability(List<ConsumerRecord<String, IntegrationEvent>> records) {
        ConsumerFailures.applyReadable(records, this::indexAvailability);
    }

    private void indexAvailability(List<ConsumerRecord<String, IntegrationEvent>> records) {
        Set<UUID> shows = new LinkedHashSet<>();
        for (var record : records) {
            if (record.value() instanceof SeatAvailabilityChanged report) {
                availability.apply(report);
                shows.add(report.showId());
            }
        }
        indexer.sync(shows);
    }
}
