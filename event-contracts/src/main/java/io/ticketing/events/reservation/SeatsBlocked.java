package io.ticketing.events.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * The venue took seats of a show off sale (broken, kept for guests); they were free when blocked. {@code version} is
 * the show's seat-change sequence right after the block ({@code SeatsUnblocked} carries the same): of a block and an
 * unblock of one seat, the higher version is the newer, whichever arrives last.
 */
public record SeatsBlocked(UUID eventId, Instant occurredAt, UUID showId, List<String> seatIds, long version)
        implements KeyedByShow {

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
