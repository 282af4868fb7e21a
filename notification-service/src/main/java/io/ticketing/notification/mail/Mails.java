package io.ticketing.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.events.waiting.WaitlistOffered;
import io.ticketing.notification.show.ShowRepository;

/**
 * Writes the mail for each fact customers hear of, in the caller's transaction; {@link MailDelivery} sends it. A
 * customer without an e-mail address gets none. One mail per fact: per booking confirmed or cancelled, per
 * waiting-list offer, per refunded payment, per sign-in challenge — however often, or under whichever event id, the
 * fact arrives.
 */
@Service
public class Mails {

    private final MailRepository queue;
    private final ShowRepository shows;
    private final Clock clock;

    Mails(MailRepository queue, ShowRepository shows, Clock clock) {
        this.queue = queue;
        this.shows = shows;
        this.clock = clock;
    }

    /** The confirmation, with the booking's tickets attached (they must be issued in the same transaction). */
    public void bookingConfirmed(BookingConfirmed booking) {
        add(Mail.Kind.BOOKING_CONFIRMED, booking.bookingId(), booking.customerEmail(),
                Letters.confirmed(booking, shows.show(booking.showId())), booking.bookingId());
    }

    public void bookingCancelled(BookingCancelled booking) {
        add(Mail.Kind.BOOKING_CANCELLED, booking.bookingId(), booking.customerEmail(),
                Letters.cancelled(booking, shows.show(booking.showId())), null);
    }

    public void waitlistOffered(WaitlistOffered offer) {
        add(Mail.Kind.WAITLIST_OFFERED, offer.entryId(), offer.customerEmail(),
                Letters.offered(offer, shows.show(offer.showId()), shows.time(offer.expiresAt())), null);
    }

    public void paymentRefunded(PaymentRefunded refund) {
        add(Mail.Kind.PAYMENT_REFUNDED, refund.paymentId(), refund.customerEmail(),
                Letters.refunded(refund, shows.show(refund.showId())), null);
    }

    /** A sign-in code for the gateway's challenge, valid until {@code expiresAt}. */
    public void signInCode(UUID challengeId, String email, String code, Instant expiresAt) {
        long minutes = Math.max(1, (Duration.between(clock.instant(), expiresAt).toSeconds() + 59) / 60);
        add(Mail.Kind.SIGN_IN_CODE, challengeId, email, Letters.signInCode(code, minutes), null);
    }

    private void add(Mail.Kind kind, Object reference, String recipient, Letter letter, UUID ticketsOf) {
        if (recipient != null && !recipient.isBlank()) {
            queue.add(kind, reference.toString(), recipient, letter, ticketsOf, clock.instant());
        }
    }
}
