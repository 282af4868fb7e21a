package io.ticketing.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.events.waiting.WaitlistOffered;

/** The events notification-service hears of customers by, with fresh ids every time. */
final class CustomerEventsMother {

    private CustomerEventsMother() {
    }

    /** A unique address per test, so tests sharing the SMTP server count only their own mails. */
    static String email() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }

    static BookingConfirmed confirmed(ShowScheduled show, UUID customer, String email, List<String> seats) {
        return new BookingConfirmed(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                "pi_" + UUID.randomUUID(), show.showId(), customer, seats,
                new BigDecimal("16.00").multiply(BigDecimal.valueOf(seats.size())), "EUR", email);
    }

    /** The same booking confirmed again under a new event id, as a republished outbox row would be. */
    static BookingConfirmed republished(BookingConfirmed booking) {
        return new BookingConfirmed(UUID.randomUUID(), Instant.now(), booking.bookingId(), booking.holdId(),
                booking.paymentId(), booking.showId(), booking.customerId(), booking.seatIds(), booking.amount(),
                booking.currency(), booking.customerEmail());
    }

    static BookingCancelled cancelled(BookingConfirmed booking, BigDecimal refund) {
        return new BookingCancelled(UUID.randomUUID(), Instant.now(), booking.bookingId(), booking.holdId(),
                booking.paymentId(), booking.showId(), booking.customerId(), booking.seatIds(), refund,
                booking.currency(), booking.customerEmail());
    }

    static WaitlistOffered offered(ShowScheduled show, String email, List<String> seats, Instant expiresAt) {
        return new WaitlistOffered(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), show.showId(), UUID.randomUUID(),
                UUID.randomUUID(), seats, expiresAt, email);
    }

    static PaymentRefunded refunded(ShowScheduled show, String email, String reason, BigDecimal amount) {
        return new PaymentRefunded(UUID.randomUUID(), Instant.now(), "pi_" + UUID.randomUUID(), UUID.randomUUID(), null,
                show.showId(), UUID.randomUUID(), amount, "EUR", reason, email);
    }
}
