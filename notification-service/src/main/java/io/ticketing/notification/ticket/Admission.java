package io.ticketing.notification.ticket;

import java.time.Instant;
import java.util.UUID;

/** A ticket let in at the door: which one (its seat, booking and show), when, and at which gate. */
public record Admission(UUID ticketId, UUID bookingId, UUID showId, String seatId, Instant admittedAt, String gate) {
}
