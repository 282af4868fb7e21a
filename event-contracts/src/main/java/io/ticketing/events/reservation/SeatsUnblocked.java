package io.ticketing.events.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * Blocked seats of a show are on sale again. {@code version}: the show's seat-change sequence right after it, see
 * {@link SeatsBlocked}.
 */
public record SeatsUnblocked(UUID eventId, Instant occurredAt, UUID showId, List<String> seatIds, long version)
        implements KeyedByShow {

    public SeatsUnblocked {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(showId, "showId");
        seatIds = List.copyOf(seatIds);
    }

    @Override
    public String topic() {
        return Topics.RESERVATION_HOLD_EVENTS;
    }
}
