package io.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingRejected;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.testsupport.Meters;
import io.ticketing.testsupport.events.EventProducer;

/**
 * Money is never kept without seats: booking-service's rejections and cancellations (played through Kafka) become
 * refunds at the (simulated) provider, and its refund webhook becomes {@code PaymentRefunded}, once per payment.
 */
class RefundsIntegrationTest extends SimulatedProviderTests {

    @Test
    void aRejectedPaymentIsRefundedInFull() {
        UUID ana = UUID.randomUUID();
        double paidMoneyBefore = Meters.countIfAny("ticketing.payments.amount", "outcome", "succeeded", "currency", "EUR");
        Pending paid = paid(ana);
        await().atMost(EVENTUALLY).until(() -> Meters.countIfAny("ticketing.payments.amount", "outcome", "succeeded",
                "currency", "EUR") == paidMoneyBefore + 23.0);
        double requestedBefore = counted("ticketing.refunds", "outcome", "requested");
        double succeededBefore = counted("ticketing.refunds", "outcome", "succeeded");
        double refundedMoneyBefore = Meters.countIfAny("ticketing.refunds.amount", "outcome", "succeeded", "currency", "EUR");

        EventProducer.shared().send(rejected(paid, "SEATS_TAKEN"));

        PaymentRefunded refunded = refundOf(paid);
        await().atMost(EVENTUALLY).until(() -> counted("ticketing.refunds", "outcome", "succeeded") == succeededBefore + 1);
        assertThat(counted("ticketing.refunds", "outcome", "requested")).isEqualTo(requestedBefore + 1);
        assertThat(Meters.countIfAny("ticketing.refunds.amount", "outcome", "succeeded", "currency", "EUR"))
                .as("the money refunded, in euros").isEqualTo(refundedMoneyBefore + 23.0);
        assertThat(refunded.reason()).isEqualTo("SEATS_TAKEN");
        assertThat(refunded.amount()).isEqualByComparingTo("23.00");
        assertThat(refunded.currency()).isEqualTo("EUR");
        assertThat(refunded.holdId()).isEqualTo(paid.hold().holdId());
        assertThat(refunded.bookingId()).isNull();
        assertThat(refunded.customerId()).isEqualTo(ana);
        assertThat(refunded.customerEmail()).isEqualTo(EMAIL);
        assertThat(customer(ana).get("/api/v1/payments/" + paid.paymentId()).text("status")).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("SELECT status || ' ' || provider_refund_id FROM refund WHERE payment_id = ?::uuid")
                .param(paid.paymentId()).query(String.class).single()).matches("SUCCEEDED re_sim_[0-9a-f]{24}");
    }

    @Test
    void aCancelledBookingIsRefundedWhatItIsOwed() {
        Pending paid = paid(UUID.randomUUID());
        UUID bookingId = UUID.randomUUID();

        EventProducer.shared().send(cancelled(paid, bookingId, new BigDecimal("23.00")));

        PaymentRefunded refunded = refundOf(paid);
        assertThat(refunded.reason()).isEqualTo("BOOKING_CANCELLED");
        assertThat(refunded.bookingId()).isEqualTo(bookingId);
        assertThat(refunded.amount()).isEqualByComparingTo("23.00");
    }

    @Test
    void aBookingCancelledTooLateForARefundRefundsNothing() {
        UUID ana = UUID.randomUUID();
        Pending tooLate = paid(ana);
        Pending afterIt = paid(ana, tooLate.hold().showId());

        EventProducer.shared().send(cancelled(tooLate, UUID.randomUUID(), new BigDecimal("0.00")));
        // events of one show arrive in order: once the next one is refunded, the cancellation has been read
        EventProducer.shared().send(rejected(afterIt, "SEATS_TAKEN"));
        refundOf(afterIt);

        assertThat(refunds(tooLate)).isZero();
        assertThat(status(tooLate.paymentId())).isEqualTo("SUCCEEDED");
        assertThat(events(PaymentRefunded.class, e -> e.paymentId().equals(tooLate.paymentId()))).isEmpty();
    }

    @Test
    void aRedeliveredOrRepeatedRejectionRefundsOnce() {
        Pending paid = paid(UUID.randomUUID());
        BookingRejected rejection = rejected(paid, "ALREADY_PAID");
        double requestedBefore = counted("ticketing.refunds", "outcome", "requested");

        EventProducer.shared().send(rejection);
        EventProducer.shared().send(rejection);
        EventProducer.shared().send(rejected(paid, "ALREADY_PAID"));
        refundOf(paid);

        quietly();
        assertThat(refunds(paid)).isEqualTo(1);
        assertThat(counted("ticketing.refunds", "outcome", "requested")).isEqualTo(requestedBefore + 1);
        assertThat(events(PaymentRefunded.class, e -> e.paymentId().equals(paid.paymentId()))).hasSize(1);
    }

    private Pending paid(UUID customerId, UUID showId) {
        var hold = RESERVATION.holdFor(customerId, showId);
        var payment = pay(customer(customerId), hold.holdId());
        String paymentId = payment.text("paymentId");
        confirm(customer(customerId), paymentId, "succeeded");
        await().atMost(EVENTUALLY).until(() -> status(paymentId).equals("SUCCEEDED"));
        return new Pending(hold, paymentId, intentOf(paymentId));
    }

    private static PaymentRefunded refundOf(Pending paid) {
        await().atMost(EVENTUALLY).until(() -> !events(PaymentRefunded.class,
                e -> e.paymentId().equals(paid.paymentId())).isEmpty());
        return events(PaymentRefunded.class, e -> e.paymentId().equals(paid.paymentId())).get(0);
    }

    private int refunds(Pending paid) {
        return jdbc.sql("SELECT count(*) FROM refund WHERE payment_id = ?::uuid").param(paid.paymentId())
                .query(Integer.class).single();
    }

    private static BookingRejected rejected(Pending paid, String reason) {
        var hold = paid.hold();
        return new BookingRejected(UUID.randomUUID(), Instant.now(), hold.holdId(), paid.paymentId(), hold.showId(),
                hold.customerId(), hold.seatIds(), hold.amount(), hold.currency(), reason, EMAIL);
    }

    private static BookingCancelled cancelled(Pending paid, UUID bookingId, BigDecimal refund) {
        var hold = paid.hold();
        return new BookingCancelled(UUID.randomUUID(), Instant.now(), bookingId, hold.holdId(), paid.paymentId(),
                hold.showId(), hold.customerId(), hold.seatIds(), refund, hold.currency(), EMAIL);
    }
}
