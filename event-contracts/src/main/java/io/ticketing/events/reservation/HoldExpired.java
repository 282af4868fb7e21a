package io.ticketing.events.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/** A hold ran out (its time plus the grace period) unpaid; its seats are free again. */
public record HoldExpired(UUID eventId, Instant occurredAt, UUID holdId, UUID showId, UUID customerId,
        List<String> seatIds, long fencingToken) implements KeyedByShow {

    public HoldExpired {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(showId, "showId");
        seatIds = List.copyOf(seatIds);
    }

    @Override
    public String topic() {
        return Topics.RESERVATION_HOLD_EVENTS;
    }
}
