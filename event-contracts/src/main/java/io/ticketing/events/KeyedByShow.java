package io.ticketing.events;

import java.util.UUID;

/** An event about one show: keyed by the show id, so that all events of a show stay in order on one partition. */
public interface KeyedByShow extends IntegrationEvent {

    UUID showId();

    @Override
    default String key() {
        return showId().toString();
    }
}
