package io.ticketing.events.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * A payment for a hold failed (the card was declined, the customer gave up). Nothing is sold and nothing is freed:
 * the hold runs on until its own end, and the customer may pay again. {@code reason} is the provider's
 * (e.g. {@code card_declined}); {@code customerEmail} is null when the customer's session had none.
 */
public record PaymentFailed(UUID eventId, Instant occurredAt, String paymentId, UUID holdId, UUID showId,
        UUID customerId, String reason, String customerEmail) implements KeyedByShow {

    public PaymentFailed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(holdId, "holdId");
        Objects.requireNonNull(showId, "showId");
    }

    @Override
    public String topic() {
        return Topics.PAYMENT_PAYMENT_EVENTS;
    }
}
