package io.ticketing.events.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/** The venue took seats of a show off sale (broken, kept for guests); they were free when blocked. */
public record SeatsBlocked(UUID eventId, Instant occurredAt, UUID showId, List<String> seatIds) implements KeyedByShow {

    public SeatsBlocked {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(showId, "showId");
        seatIds = List.copyOf(seatIds);
    }

    @Override
    public String topic() {
        return Topics.RESERVATION_HOLD_EVENTS;
    }
}
