package io.ticketing.events.reservation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * Seats of a show were kept for its waiting line without a hold ending: a cancelled booking's seats, or the free
 * seats of a seat map rebuilt after Redis lost it while the show had a line. Published once the seats are kept;
 * the line should be served.
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
