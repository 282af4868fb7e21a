package io.ticketing.notification.ticket;

import java.util.UUID;

/** One seat's e-ticket; {@code code} is what its QR code carries. */
record Ticket(UUID ticketId, String seatId, String code) {
}
