package io.ticketing.events.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * A customer holds seats of a show until {@code expiresAt}. {@code fencingToken} only grows per show: the
 * booking that confirms this hold must present it, so a lapsed hold can never be confirmed over a newer one.
 */
public record SeatsHeld(UUID eventId, Instant occurredAt, UUID holdId, UUID showId, UUID customerId,
        List<String> seatIds, long fencingToken, Instant expiresAt, BigDecimal amount, String currency)
        implements KeyedByShow {

    public SeatsHeld {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(showId, "showId");
        seatIds = List.copyOf(seatIds);
    }

    @Override
    public String topic() {
        return Topics.RESERVATION_HOLD_EVENTS;
    }
}
