package io.ticketing.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * An admin changed a scheduled show: its time, its sale window or its prices. Carries the show's complete
 * new state, so a consumer that missed an earlier update still ends up right. {@code version} counts the show's
 * states (1 as scheduled, one more per update): an update older than one applied already (an outbox resend) changes
 * nothing.
 */
public record ShowUpdated(UUID eventId, Instant occurredAt, UUID showId, Instant startsAt, Instant endsAt,
        Instant salesOpenAt, Instant salesCloseAt, List<ShowScheduled.Price> prices, long version)
        implements KeyedByShow {

    public ShowUpdated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(showId, "showId");
        prices = List.copyOf(prices);
    }

    @Override
    public String topic() {
        return Topics.CATALOG_SHOW_EVENTS;
    }
}
