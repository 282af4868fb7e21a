package io.ticketing.payment.payments;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import io.ticketing.payment.provider.PaymentProvider.Charge;

/**
 * Money going back for a payment: {@code reason} is booking-service's ({@code SEATS_TAKEN}, ...,
 * {@code BOOKING_CANCELLED}); {@code bookingId} is set for a cancelled booking.
 */
record Refund(UUID refundId, UUID paymentId, UUID bookingId, BigDecimal amount, String currency, String reason,
        Status status, String providerRefundId) {

    enum Status {
        /** Recorded, not yet accepted by the provider. */
        REQUESTED,
        /** The provider has it ({@code providerRefundId}); its webhook tells the outcome. */
        SUBMITTED,
        SUCCEEDED,
        /** The provider could not return the money: someone must, by hand. */
        FAILED
    }

    /** One refund at the provider however often it is sent. */
    String idempotencyKey() {
        return "refund-" + refundId;
    }

    Charge charge() {
        return new Charge(amount, currency, Map.of("refundId", refundId.toString(), "paymentId", paymentId.toString(),
                "reason", reason));
    }
}
