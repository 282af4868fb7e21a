package io.ticketing.reservation.hold.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.ticketing.reservation.hold.Hold;
import io.ticketing.reservation.hold.Holds;
import io.ticketing.starter.RequestRejectedException;

/**
 * Service to service, for payment-service (not routed by the gateway): a hold as the payment needs it — whose it
 * is, the amount priced here from the show's prices, the fencing token the booking checks — and the start of its
 * payment.
 */
@RestController
class InternalHoldController {

    private final Holds holds;

    InternalHoldController(Holds holds) {
        this.holds = holds;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PaymentView(UUID holdId, UUID showId, UUID customerId, List<String> seatIds, Hold.Status status,
            Instant expiresAt, long fencingToken, BigDecimal amount, String currency, UUID bookingId) {

        static PaymentView of(Hold hold) {
            return new PaymentView(hold.holdId(), hold.showId(), hold.customerId(), hold.seatIds(), hold.status(),
                    hold.expiresAt(), hold.fencingToken(), hold.amount(), hold.currency(), hold.bookingId());
        }
    }

    @GetMapping("/internal/v1/holds/{holdId}")
    PaymentView hold(@PathVariable UUID holdId) {
        return PaymentView.of(holds.find(holdId).orElseThrow(() -> RequestRejectedException.notFound("HOLD_NOT_FOUND",
                "Hold " + holdId + " does not exist")));
    }

    /** {@code 409 HOLD_NOT_ACTIVE} once the hold has ended; starting a payment twice changes nothing. */
    @PostMapping("/internal/v1/holds/{holdId}/payment-pending")
    PaymentView paymentPending(@PathVariable UUID holdId) {
        return PaymentView.of(holds.paymentPending(holdId));
    }
}
