package io.ticketing.events.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * A payment could not become a booking, so its money must go back: {@code reason} is {@code SEATS_TAKEN} (the
 * hold lapsed and a seat was sold, blocked or held by someone newer), {@code SHOW_CANCELLED},
 * {@code TOO_MANY_SEATS} (the customer's limit per show) or {@code ALREADY_PAID} (the hold was paid before).
 * {@code customerEmail} is where the customer is told (null when their session had none).
 */
public record BookingRejected(UUID eventId, Instant occurredAt, UUID holdId, String paymentId, UUID showId,
        UUID customerId, List<String> seatIds, BigDecimal amount, String currency, String reason,
        String customerEmail)
        implements KeyedByShow {

    public BookingRejected {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(reason, "reason");
        seatIds = List.copyOf(seatIds);
    }

    @Override
    public String topic() {
        return Topics.BOOKING_BOOKING_EVENTS;
    }
}
