package io.ticketing.events.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/** The customer let go of a hold; its seats are free again. */
public record HoldReleased(UUID eventId, Instant occurredAt, UUID holdId, UUID showId, UUID customerId,
        List<String> seatIds, long fencingToken) implements KeyedByShow {

    public HoldReleased {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(showId, "showId");
        seatIds = List.copyOf(seatIds);
    }

    @Override
    public String topic() {
        return Topics.RESERVATION_HOLD_EVENTS;
    }
}
