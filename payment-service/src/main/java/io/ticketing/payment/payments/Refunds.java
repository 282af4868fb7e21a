package io.ticketing.payment.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.ticketing.payment.provider.PaymentProvider;
import io.ticketing.payment.provider.PaymentProvider.ProviderException;
import io.ticketing.starter.jobs.JobLease;
import io.ticketing.starter.jobs.JobLeases;

/**
 * Money is never kept without seats: a payment booking-service turned away, or a cancelled booking, is refunded.
 * A refund is first recorded in the transaction of the booking event that asked for it (the inbox), then sent to
 * the provider until the provider accepted it, always with the refund's own idempotency key, so however often it is
 * sent (a retry, a second instance) the provider makes one refund. A payment is refunded at most once.
 */
@Service
class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    private static final int BATCH = 20;

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final PaymentProvider provider;
    private final PaymentMetrics metrics;
    private final Clock clock;
    private final JobLease retries;

    Refunds(PaymentRepository payments, RefundRepository refunds, PaymentProvider provider, PaymentMetrics metrics,
            Clock clock, JobLeases leases,
            @Value("${ticketing.payment.refund-retry-interval:PT5S}") Duration retryInterval) {
        this.payments = payments;
        this.refunds = refunds;
        this.provider = provider;
        this.metrics = metrics;
        this.clock = clock;
        this.retries = leases.lease("refund-retries", retryInterval);
    }

    /**
     * Records a refund of {@code amount} of a payment that succeeded; the payment becomes REFUND_PENDING. A
     * payment that is not ours, did not succeed or is refunded already is left alone. Runs in the caller's
     * transaction; {@link #submitRequested()} sends it afterwards.
     *
     * @param bookingId the cancelled booking, or null for a payment that never became one
     */
    public void request(String paymentId, BigDecimal amount, String reason, UUID bookingId) {
        Optional<Payment> found = Optional.ofNullable(paymentId).flatMap(Refunds::uuid).flatMap(payments::find);
        if (found.isEmpty()) {
            log.warn("No payment {} to refund ({})", paymentId, reason);
            return;
        }
        Payment payment = found.get();
        if (amount.signum() <= 0 || amount.compareTo(payment.amount()) > 0) {
            log.error("Refusing to refund {} of payment {} of {} {}", amount, paymentId, payment.amount(),
                    payment.currency());
            return;
        }
        Instant now = clock.instant();
        if (!payments.advance(payment.paymentId(), Payment.Status.REFUND_PENDING, null, now,
                Payment.Status.SUCCEEDED)) {
            log.warn("Payment {} is {}: not refunded ({})", paymentId, payment.status(), reason);
            return;
        }
        refunds.insert(new Refund(UUID.randomUUID(), payment.paymentId(), bookingId, amount, payment.currency(), reason,
                Refund.Status.REQUESTED, null), now);
        metrics.refund(PaymentMetrics.RefundOutcome.REQUESTED, amount, payment.currency());
    }

    /** Sends the refunds the provider has not accepted yet again, on the instance that holds the job. */
    @Scheduled(fixedDelayString = "${ticketing.payment.refund-retry-interval:PT5S}")
    void retryRequested() {
        if (retries.held()) {
            submitRequested();
        }
    }

    /** Sends recorded refunds to the provider: right after they are recorded, and again until it accepted them. */
    public synchronized void submitRequested() {
        for (Refund refund : refunds.requested(BATCH)) {
            Payment payment = payments.find(refund.paymentId()).orElseThrow();
            try {
                refunds.submitted(refund.refundId(),
                        provider.refund(payment.intentId(), refund.charge(), refund.idempotencyKey()));
            }
            catch (ProviderException ex) {
                refunds.attempted(refund.refundId());
                log.warn("Refund {} of payment {} not accepted yet; sent again later", refund.refundId(),
                        payment.paymentId(), ex);
            }
        }
    }

    static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
