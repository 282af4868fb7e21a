package io.ticketing.events.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * A booking was cancelled and its seats are for sale again. {@code refundAmount} is what the customer gets
 * back: the full amount inside the refund window, nothing after it.
 * {@code customerEmail} is where the customer is told (null when their session had none).
 */
public record BookingCancelled(UUID eventId, Instant occurredAt, UUID bookingId, UUID holdId, String paymentId,
        UUID showId, UUID customerId, List<String> seatIds, BigDecimal refundAmount, String currency,
        String customerEmail)
        implements KeyedByShow {

    public BookingCancelled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(showId, "showId");
        seatIds = List.copyOf(seatIds);
    }

    @Override
    public String topic() {
        return Topics.BOOKING_BOOKING_EVENTS;
    }
}
