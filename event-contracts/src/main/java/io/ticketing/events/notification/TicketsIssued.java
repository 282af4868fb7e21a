package io.ticketing.events.notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * The e-tickets of a booking exist: one per seat, each with the signed code its QR code carries (a scanner verifies
 * it offline with the platform's public key). booking-service shows them with the booking.
 */
public record TicketsIssued(UUID eventId, Instant occurredAt, UUID bookingId, UUID showId, UUID customerId,
        List<Ticket> tickets) implements KeyedByShow {

    public TicketsIssued {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(showId, "showId");
        tickets = List.copyOf(tickets);
    }

    /** One seat's ticket; {@code code} is what its QR code encodes. */
    public record Ticket(UUID ticketId, String seatId, String code) {
    }

    @Override
    public String topic() {
        return Topics.NOTIFICATION_TICKET_EVENTS;
    }
}
