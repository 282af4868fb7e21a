package io.ticketing.notification.mail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.events.waiting.WaitlistOffered;
import io.ticketing.notification.show.Show;

/** The words of each mail: what happened, in plain language, and what the customer can do now. */
final class Letters {

    private static final String SIGNATURE = "\n\nYour cinema tickets team\n";

    private Letters() {
    }

    static Letter confirmed(BookingConfirmed booking, Show show) {
        return new Letter("Your tickets for " + show.movieTitle(), """
                Hello,

                your booking is confirmed. Your e-tickets are attached as a PDF: one page per seat, each with a QR \
                code to show at the entrance.

                %s
                Seats:     %s
                Paid:      %s
                Booking:   %s

                Enjoy the show!""".formatted(about(show), seats(booking.seatIds()),
                money(booking.amount(), booking.currency()), booking.bookingId()) + SIGNATURE);
    }

    static Letter cancelled(BookingCancelled booking, Show show) {
        String refund = booking.refundAmount() != null && booking.refundAmount().signum() > 0
                ? "You get " + money(booking.refundAmount(), booking.currency()) + " back, to the card you paid with; "
                        + "we will write again once the refund is made."
                : "This cancellation is too close to the show for a refund, so no money is paid back.";
        return new Letter("Your booking for " + show.movieTitle() + " is cancelled", """
                Hello,

                your booking %s is cancelled and its seats (%s) are free for others again. Your e-tickets for \
                them are no longer valid.

                %s

                %s""".formatted(booking.bookingId(), seats(booking.seatIds()), about(show), refund) + SIGNATURE);
    }

    static Letter offered(WaitlistOffered offer, Show show, String expiresAt) {
        return new Letter("Seats for " + show.movieTitle() + " are waiting for you", """
                Hello,

                good news: seats came free and, as you were next in line, we are holding them for you.

                %s
                Seats:     %s

                Pay for them before %s, or they go to the next person waiting. You find them under your holds \
                (hold %s).""".formatted(about(show), seats(offer.seatIds()), expiresAt, offer.holdId()) + SIGNATURE);
    }

    static Letter refunded(PaymentRefunded refund, Show show) {
        String amount = money(refund.amount(), refund.currency());
        return new Letter("Your refund of " + amount, """
                Hello,

                %s

                %s
                Payment:   %s

                The refund goes to the card you paid with; depending on your bank it can take a few days to show on \
                your statement.""".formatted(why(refund.reason(), amount), about(show), refund.paymentId()) + SIGNATURE);
    }

    static Letter signInCode(String code, long validMinutes) {
        return new Letter("Your sign-in code: " + code, """
                Hello,

                your code to sign in is

                    %s

                It is valid for %d minutes. If you did not ask to sign in, ignore this mail: without the code nobody \
                can sign in with your address.""".formatted(code, validMinutes) + SIGNATURE);
    }

    /** Why the money went back, in the customer's words rather than ours. */
    private static String why(String reason, String amount) {
        return switch (reason) {
            case "SEATS_TAKEN" -> "we could not give you the seats you paid for: by the time your payment arrived, "
                    + "your hold had run out and the seats had been taken by someone else. Your money has been "
                    + "refunded in full: " + amount + ".";
            case "SHOW_CANCELLED" -> "the show was cancelled, so your payment has been refunded in full: " + amount + ".";
            case "TOO_MANY_SEATS" -> "with these seats you would have had more seats for this show than one customer "
                    + "may buy, so nothing was booked and your payment has been refunded in full: " + amount + ".";
            case "ALREADY_PAID" -> "these seats had already been paid for, so your second payment was not needed and "
                    + "has been refunded in full: " + amount + ".";
            case "BOOKING_CANCELLED" -> "you cancelled your booking; your refund has been made: " + amount + ".";
            default -> "your payment could not be used for a booking and has been refunded: " + amount + ".";
        };
    }

    private static String about(Show show) {
        return """
                Movie:     %s
                Hall:      %s
                Starts:    %s""".formatted(show.movieTitle(), show.hallName(), show.startsAt());
    }

    private static String seats(List<String> seatIds) {
        return String.join(", ", seatIds);
    }

    private static String money(BigDecimal amount, String currency) {
        return amount == null ? "the amount you paid" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " "
                + (currency == null ? "" : currency);
    }
}
