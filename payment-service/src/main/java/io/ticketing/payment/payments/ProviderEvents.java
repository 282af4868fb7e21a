package io.ticketing.payment.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.events.payment.PaymentFailed;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.events.payment.PaymentSucceeded;
import io.ticketing.payment.payments.Payment.Status;
import io.ticketing.payment.provider.PaymentProvider;
import io.ticketing.payment.provider.ProviderEvent;
import io.ticketing.payment.provider.StripeWebhooks;
import io.ticketing.starter.RequestRejectedException;

/**
 * The provider's webhooks, which are the truth about money: a PaymentIntent succeeded or failed, a refund
 * succeeded or failed. Each event is applied once (its id is remembered in the transaction of its effect), in
 * any order: a payment's status only moves forward, so a late {@code payment_failed} after the payment succeeded
 * changes nothing. Every change goes out as a payment event through the outbox, in the same transaction.
 */
@Service
public class ProviderEvents {

    private static final Logger log = LoggerFactory.getLogger(ProviderEvents.class);
    /** When a failed PaymentIntent carries no error code. */
    private static final String UNKNOWN_FAILURE = "payment_failed";
    /** The failure of a payment the provider says succeeded with another amount or currency than the hold's. */
    static final String AMOUNT_MISMATCH = "amount_mismatch";

    private final StripeWebhooks webhooks;
    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final PaymentMetrics metrics;
    private final Clock clock;

    ProviderEvents(StripeWebhooks webhooks, PaymentRepository payments, RefundRepository refunds,
            ApplicationEventPublisher events, TransactionOperations transactions, PaymentMetrics metrics, Clock clock) {
        this.webhooks = webhooks;
        this.payments = payments;
        this.refunds = refunds;
        this.events = events;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Verifies and applies a webhook delivery. Events of other types, or about intents and refunds this service
     * did not make, are acknowledged and ignored.
     *
     * @throws io.ticketing.starter.RequestRejectedException {@code INVALID_SIGNATURE} for a delivery not signed
     *         with the endpoint's secret lately; nothing is written then
     */
    public void receive(String payload, String signature) {
        ProviderEvent event = verified(payload, signature);
        Boolean first = transactions.execute(tx -> {
            Instant now = clock.instant();
            if (!payments.firstDelivery(event.id(), event.type(), now)) {
                log.debug("Webhook event {} was applied before", event.id());
                return false;
            }
            switch (event.type()) {
                case "payment_intent.succeeded" -> succeeded(event, now);
                case "payment_intent.payment_failed" -> failed(event, now);
                case "refund.created", "refund.updated" -> refundChanged(event, event.status(), now);
                case "refund.failed" -> refundChanged(event, "failed", now);
                default -> log.debug("Webhook event {} of type {} ignored", event.id(), event.type());
            }
            return true;
        });
        metrics.webhook(Boolean.TRUE.equals(first) ? PaymentMetrics.WebhookOutcome.APPLIED
                : PaymentMetrics.WebhookOutcome.DUPLICATE);
    }

    private ProviderEvent verified(String payload, String signature) {
        try {
            return webhooks.verify(payload, signature);
        }
        catch (RequestRejectedException refused) {
            metrics.webhook("MALFORMED_EVENT".equals(refused.code()) ? PaymentMetrics.WebhookOutcome.MALFORMED
                    : PaymentMetrics.WebhookOutcome.INVALID_SIGNATURE);
            throw refused;
        }
    }

    /**
     * The money arrived: the payment succeeded, and its hold is to be booked. Only if the provider received exactly
     * the hold's amount in its currency: anything else (a forged event, an intent changed at the provider) fails the
     * payment, so that nobody gets seats for less, and is logged for an operator to settle the money by hand.
     */
    private void succeeded(ProviderEvent event, Instant now) {
        payments.byIntent(event.objectId()).ifPresent(payment -> {
            if (!received(payment, event)) {
                log.error("Payment {} ({}) succeeded at the provider with {} {} instead of {} {}: failed here, not "
                        + "booked; settle the money at the provider", payment.paymentId(), event.objectId(),
                        event.amount(), event.currency(), payment.amount(), payment.currency());
                fail(payment, AMOUNT_MISMATCH, now);
            }
            else if (payments.advance(payment.paymentId(), Status.SUCCEEDED, null, now, Status.PENDING,
                    Status.FAILED)) {
                events.publishEvent(new PaymentSucceeded(UUID.randomUUID(), now, payment.paymentId().toString(),
                        payment.holdId(), payment.showId(), payment.customerId(), payment.seatIds(),
                        payment.fencingToken(), payment.amount(), payment.currency(), payment.customerEmail()));
                metrics.payment(PaymentMetrics.PaymentOutcome.SUCCEEDED, payment);
            }
        });
    }

    /** Whether the provider received the payment's amount, in the payment's currency. */
    private static boolean received(Payment payment, ProviderEvent event) {
        return event.amount() != null && event.currency() != null
                && event.currency().equalsIgnoreCase(payment.currency())
                && event.amount() == new PaymentProvider.Charge(payment.amount(), payment.currency(), Map.of())
                        .minorUnits();
    }

    private void failed(ProviderEvent event, Instant now) {
        String reason = event.failureCode() == null ? UNKNOWN_FAILURE : event.failureCode();
        payments.byIntent(event.objectId()).ifPresent(payment -> fail(payment, reason, now));
    }

    /** A pending payment fails for {@code reason}; its hold is held again for the customer to pay once more. */
    private void fail(Payment payment, String reason, Instant now) {
        if (payments.advance(payment.paymentId(), Status.FAILED, reason, now, Status.PENDING)) {
            events.publishEvent(new PaymentFailed(UUID.randomUUID(), now, payment.paymentId().toString(),
                    payment.holdId(), payment.showId(), payment.customerId(), reason, payment.customerEmail()));
            metrics.payment(PaymentMetrics.PaymentOutcome.FAILED, payment);
        }
    }

    /** A refund ends when it succeeded, failed or was canceled; {@code pending} and the like wait for more. */
    private void refundChanged(ProviderEvent event, String status, Instant now) {
        UUID refundId = refundId(event);
        switch (status == null ? "" : status) {
            case "succeeded" -> refunds.end(refundId, event.objectId(), Refund.Status.SUCCEEDED, now)
                    .ifPresent(refund -> {
                        metrics.refund(PaymentMetrics.RefundOutcome.SUCCEEDED, refund.amount(), refund.currency());
                        refunded(refund, now);
                    });
            case "failed", "canceled" -> refunds.end(refundId, event.objectId(), Refund.Status.FAILED, now)
                    .ifPresent(refund -> {
                        metrics.refund(PaymentMetrics.RefundOutcome.FAILED, refund.amount(), refund.currency());
                        log.error("Refund {} ({}) of payment {} {}: {} {} must be returned by hand",
                                refund.refundId(), event.objectId(), refund.paymentId(), status, refund.amount(),
                                refund.currency());
                    });
            default -> log.debug("Refund {} is {}", event.objectId(), status);
        }
    }

    private void refunded(Refund refund, Instant now) {
        Payment payment = payments.find(refund.paymentId()).orElseThrow();
        if (payments.advance(payment.paymentId(), Status.REFUNDED, null, now, Status.REFUND_PENDING)) {
            events.publishEvent(new PaymentRefunded(UUID.randomUUID(), now, payment.paymentId().toString(),
                    payment.holdId(), refund.bookingId(), payment.showId(), payment.customerId(), refund.amount(),
                    refund.currency(), refund.reason(), payment.customerEmail()));
        }
    }

    /** Our refund's id, from the metadata it was created with; null for a refund made elsewhere (the dashboard). */
    private static UUID refundId(ProviderEvent event) {
        return Optional.ofNullable(event.metadata().get("refundId")).flatMap(Refunds::uuid).orElse(null);
    }
}
