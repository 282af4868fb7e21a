package io.ticketing.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event that crosses service boundaries over Kafka. Every event carries its own id so that consumers
 * can drop redeliveries, and names the topic and the key it travels under, so that all events of one
 * show stay in order on one partition.
 */
public interface IntegrationEvent {

    /** Unique per fact; a redelivered or republished event keeps its id. */
    UUID eventId();

    Instant occurredAt();

    String topic();

    /** The Kafka record key: the show id wherever order per show matters. */
    String key();

    /** The name written to the {@link EventTypes#HEADER} header, stable across refactorings. */
    default String type() {
        return getClass().getSimpleName();
    }
}
