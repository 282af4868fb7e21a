package io.ticketing.events.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * Money went back to the customer: the provider confirmed the refund. {@code reason} says why: one of
 * {@code BookingRejected}'s reasons ({@code SEATS_TAKEN}, {@code SHOW_CANCELLED}, {@code TOO_MANY_SEATS},
 * {@code ALREADY_PAID}) for a payment that never became a booking, or {@code BOOKING_CANCELLED}.
 * {@code bookingId} is null for a payment that never became a booking.
 */
public record PaymentRefunded(UUID eventId, Instant occurredAt, String paymentId, UUID holdId, UUID bookingId,
        UUID showId, UUID customerId, BigDecimal amount, String currency, String reason, String customerEmail)
        implements KeyedByShow {

    public PaymentRefunded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String topic() {
        return Topics.PAYMENT_PAYMENT_EVENTS;
    }
}
