package io.ticketing.events.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * How many seats of each type of a show can still be taken, after a change. Browsing and search show it
 * as {@code AVAILABLE}, {@code ALMOST_FULL} or {@code FULL}. {@code sequence} only grows per show, so a
 * consumer can drop a count that arrives after a newer one.
 */
public record SeatAvailabilityChanged(UUID eventId, Instant occurredAt, UUID showId, long sequence,
        List<SeatTypeCount> seatTypes) implements KeyedByShow {

    public SeatAvailabilityChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(showId, "showId");
        seatTypes = List.copyOf(seatTypes);
    }

    /** Seats of one type: in the hall, and neither held, sold nor blocked. */
    public record SeatTypeCount(String seatType, int total, int available) {
    }

    @Override
    public String topic() {
        return Topics.RESERVATION_HOLD_EVENTS;
    }
}
