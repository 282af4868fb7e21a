package io.ticketing.events.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * A customer paid for a hold. It carries the hold as the payment saw it, fencing token included: the booking
 * service confirms it only if every seat is still free and no newer hold has claimed one of them.
 * {@code customerEmail} is where the customer is told (null when their session had none).
 */
public record PaymentSucceeded(UUID eventId, Instant occurredAt, String paymentId, UUID holdId, UUID showId,
        UUID customerId, List<String> seatIds, long fencingToken, BigDecimal amount, String currency,
        String customerEmail)
        implements KeyedByShow {

    public PaymentSucceeded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(holdId, "holdId");
        Objects.requireNonNull(showId, "showId");
        seatIds = List.copyOf(seatIds);
    }

    @Override
    public String topic() {
        return Topics.PAYMENT_PAYMENT_EVENTS;
    }
}
