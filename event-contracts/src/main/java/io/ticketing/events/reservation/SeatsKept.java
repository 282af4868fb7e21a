package io.ticketing.events.reservation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * Seats of a show are kept for its waiting line without a hold having ended: a seat map that Redis lost was
 * rebuilt while the show had a line, and its free seats were kept for the line. The line should be served.
 */
public record SeatsKept(UUID eventId, Instant occurredAt, UUID showId, int seatCount) implements KeyedByShow {

    public SeatsKept {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(showId, "showId");
    }

    @Override
    public String topic() {
        return Topics.RESERVATION_HOLD_EVENTS;
    }
}
