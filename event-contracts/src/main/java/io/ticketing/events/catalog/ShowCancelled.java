package io.ticketing.events.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/** An admin took a show off sale; its seats can no longer be held or bought. */
public record ShowCancelled(UUID eventId, Instant occurredAt, UUID showId) implements KeyedByShow {

    public ShowCancelled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(showId, "showId");
    }

    @Override
    public String topic() {
        return Topics.CATALOG_SHOW_EVENTS;
    }
}
