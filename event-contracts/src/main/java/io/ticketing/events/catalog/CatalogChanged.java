package io.ticketing.events.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;

/**
 * A city, cinema, hall or movie was created, changed or deleted. Carries only what changed, not how: the
 * catalog's read models (search index, caches) reload the current state from the catalog's database.
 */
public record CatalogChanged(UUID eventId, Instant occurredAt, Entity entity, UUID entityId, Change change)
        implements IntegrationEvent {

    public enum Entity {
        CITY, CINEMA, HALL, MOVIE
    }

    public enum Change {
        CREATED, UPDATED, DELETED
    }

    public CatalogChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(change, "change");
    }

    @Override
    public String topic() {
        return Topics.CATALOG_CATALOG_EVENTS;
    }

    @Override
    public String key() {
        return entityId.toString();
    }
}
