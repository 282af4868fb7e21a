package io.ticketing.catalog.browse;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cache.CacheManager;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.starter.messaging.ConsumerFailures;

/**
 * Drops this instance's browse caches whenever the catalog changes. Every instance listens in a consumer
 * group of its own, from the latest offset, so each one hears every change. Catalog changes are rare next to
 * reads, so dropping everything is simpler than tracking which entry depends on what and costs little.
 */
@Component
class CacheInvalidationListener {

    private final CacheManager caches;

    CacheInvalidationListener(CacheManager caches) {
        this.caches = caches;
    }

    @KafkaListener(id = "catalog-cache-invalidation",
            groupId = "#{'catalog-service.cache-' + T(java.util.UUID).randomUUID()}",
            topics = { Topics.CATALOG_SHOW_EVENTS, Topics.CATALOG_CATALOG_EVENTS },
            properties = "auto.offset.reset=latest", containerFactory = ConsumerFailures.BATCH_LISTENERS)
    void onCatalogChange(List<ConsumerRecord<String, IntegrationEvent>> records) {
        ConsumerFailures.applyReadable(records, readable -> {
            if (!readable.isEmpty()) {
                caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
            }
        });
    }
}
