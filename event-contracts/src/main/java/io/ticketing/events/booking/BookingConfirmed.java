package io.ticketing.events.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/** Seats are sold: the paid hold became a booking. The seats stay sold until the booking is cancelled. * {@code customerEmail} is where the customer is told (null when their session had none).
 */
public record BookingConfirmed(UUID eventId, Instant occurredAt, UUID bookingId, UUID holdId, String paymentId,
        UUID showId, UUID customerId, List<String> seatIds, BigDecimal amount, String currency,
        String customerEmail)
        implements KeyedByShow {

    public BookingConfirmed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(showId, "showId");
        seatIds = List.copyOf(seatIds);
    }

    @Override
    public String topic() {
        return Topics.BOOKING_BOOKING_EVENTS;
    }
}
