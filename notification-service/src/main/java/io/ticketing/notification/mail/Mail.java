package io.ticketing.notification.mail;

import java.util.Locale;
import java.util.UUID;

/**
 * A mail about one fact: {@code kind} and {@code reference} (the booking, waiting-list entry or payment it is about)
 * identify it (a sign-in code's reference is its challenge), so the same fact never makes a second mail.
 * {@code ticketsOf}: attach that booking's tickets.
 */
record Mail(UUID id, Kind kind, String reference, String recipient, String subject, String body, UUID ticketsOf,
        int attempts) {

    enum Kind {
        BOOKING_CONFIRMED, BOOKING_CANCELLED, WAITLIST_OFFERED, PAYMENT_REFUNDED, SIGN_IN_CODE
    }

    /** Waiting to be sent (again, after a failed attempt), sent, or given up on ({@code mail.status}). */
    enum Status {
        PENDING, SENT, FAILED
    }

    /** The same for every send of this mail, so mail clients and servers can drop a duplicate. */
    String messageId() {
        return "<" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + reference
                + "@notification.ticketing>";
    }
}
