package io.ticketing.payment.payments;

import java.time.Clock;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import io.ticketing.payment.provider.PaymentProvider;
import io.ticketing.payment.provider.PaymentProvider.Intent;
import io.ticketing.payment.provider.PaymentProvider.ProviderException;
import io.ticketing.payment.provider.SimulatedProvider;
import io.ticketing.starter.Ownership;
import io.ticketing.starter.RequestRejectedException;

/**
 * Starting and reading payments. The amount is always the hold's, as reservation-service priced it: a client
 * names the hold, never a price. A hold has at most one open payment at a time; after a failed one the customer
 * may try again, as a new attempt with a PaymentIntent of its own.
 */
@Service
public class Payments {

    private final PaymentRepository records;
    private final Reservation reservation;
    private final PaymentProvider provider;
    private final Clock clock;

    Payments(PaymentRepository records, Reservation reservation, PaymentProvider provider, Clock clock) {
        this.records = records;
        this.reservation = reservation;
        this.provider = provider;
        this.clock = clock;
    }

    /** A payment, and whether this request started it ({@code false}: the hold's open payment, answered again). */
    public record Started(Payment payment, boolean created) {
    }

    /**
     * Starts paying for the customer's hold, or answers the payment already open for it. The hold becomes
     * PAYMENT_PENDING before the PaymentIntent exists, and the intent is created with the attempt's idempotency
     * key: a request that failed halfway is completed by the next one, with the same intent.
     */
    public Started pay(UUID holdId, UUID customerId, String customerEmail) {
        Reservation.Hold hold = reservation.hold(holdId).filter(found -> found.customerId().equals(customerId))
                .orElseThrow(() -> RequestRejectedException.notFound("HOLD_NOT_FOUND",
                        "Hold " + holdId + " does not exist"));
        if (!hold.payable(clock.instant())) {
            throw holdNotActive(holdId);
        }
        var open = records.openOfHold(holdId);
        if (open.isPresent() && open.get().clientSecret() != null) {
            return new Started(open.get(), false);
        }
        if (!reservation.paymentPending(holdId)) {
            throw holdNotActive(holdId);
        }
        Started started = open.map(payment -> new Started(payment, false))
                .orElseGet(() -> newAttempt(hold, customerEmail));
        Payment payment = started.payment();
        Intent intent;
        try {
            intent = provider.createIntent(payment.charge(), payment.idempotencyKey());
        }
        catch (ProviderException ex) {
            throw RequestRejectedException.unavailable("PAYMENT_PROVIDER_UNAVAILABLE",
                    "The payment provider cannot be reached right now; try again in a moment");
        }
        records.intentCreated(payment.paymentId(), intent.id(), intent.clientSecret(), clock.instant());
        return new Started(records.find(payment.paymentId()).orElseThrow(), started.created());
    }

    private Started newAttempt(Reservation.Hold hold, String customerEmail) {
        try {
            return new Started(records.insertAttempt(UUID.randomUUID(), hold, provider.name(), customerEmail,
                    clock.instant()), true);
        }
        catch (DuplicateKeyException ex) {
            // another request for the hold recorded its attempt first: that one is the hold's payment
            return new Started(records.openOfHold(hold.holdId()).orElseThrow(() -> RequestRejectedException.conflict(
                    "PAYMENT_IN_PROGRESS", "The hold's payment is changing; try again in a moment")), false);
        }
    }

    public Payment payment(UUID paymentId, UUID customerId) {
        return Ownership.ownedBy(customerId, records.find(paymentId), Payment::customerId, "PAYMENT_NOT_FOUND",
                "Payment " + paymentId);
    }

    /**
     * The simulated provider's card step: the payment succeeds or fails as if the customer's card had, answered
     * by the provider's signed webhook a moment later, exactly as Stripe would.
     */
    public Payment confirm(UUID paymentId, UUID customerId, String outcome) {
        Payment payment = payment(paymentId, customerId);
        boolean succeeded = switch (outcome) {
            case "succeeded" -> true;
            case "failed" -> false;
            default -> throw RequestRejectedException.unprocessable("INVALID_OUTCOME",
                    "outcome is \"succeeded\" or \"failed\"");
        };
        if (!(provider instanceof SimulatedProvider simulated)) {
            throw RequestRejectedException.conflict("PROVIDER_NOT_SIMULATED",
                    "Payments go through Stripe: confirm them with Stripe.js and the client secret");
        }
        if (payment.status() != Payment.Status.PENDING || payment.intentId() == null) {
            throw RequestRejectedException.conflict("PAYMENT_NOT_OPEN", "The payment is " + payment.status());
        }
        simulated.completeCardStep(new Intent(payment.intentId(), payment.clientSecret()), payment.charge(), succeeded);
        return payment;
    }

    private static RequestRejectedException holdNotActive(UUID holdId) {
        return RequestRejectedException.conflict("HOLD_NOT_ACTIVE", "Hold " + holdId + " is no longer held");
    }
}
