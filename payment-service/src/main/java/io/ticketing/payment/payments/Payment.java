package io.ticketing.payment.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.ticketing.payment.provider.PaymentProvider.Charge;

/**
 * One attempt to pay for a hold. {@code clientSecret} lets the customer's client confirm the PaymentIntent with
 * the provider (Stripe.js); {@code failureReason} is the provider's code once a payment {@code FAILED}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Payment(UUID paymentId, UUID holdId, UUID showId, Status status, String provider, String clientSecret,
        BigDecimal amount, String currency, List<String> seatIds, String failureReason, Instant createdAt,
        @JsonIgnore UUID customerId, @JsonIgnore String customerEmail, @JsonIgnore long fencingToken,
        @JsonIgnore int attempt, @JsonIgnore String intentId) {

    /**
     * In the order a payment moves through them; it never moves back. A payment that failed may still succeed
     * (the customer retried on the same PaymentIntent), one that succeeded never fails afterwards.
     */
    public enum Status {
        PENDING, FAILED, SUCCEEDED, REFUND_PENDING, REFUNDED
    }

    /** The key of the hold's attempt at the provider: asking again for the same attempt yields the same intent. */
    String idempotencyKey() {
        return "payment-" + holdId + "-" + attempt;
    }

    /** What the PaymentIntent charges, with the ids its webhooks bring back. */
    Charge charge() {
        return new Charge(amount, currency, Map.of("paymentId", paymentId.toString(), "holdId", holdId.toString(),
                "showId", showId.toString()));
    }
}
