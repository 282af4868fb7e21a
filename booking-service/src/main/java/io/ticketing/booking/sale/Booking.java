package io.ticketing.booking.sale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A booking: the seats a customer paid for. {@code tickets} are issued by notification-service once the
 * booking is confirmed (one per seat, with its QR code); until then the list is empty.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Booking(UUID bookingId, Status status, UUID showId, List<String> seatIds, BigDecimal amount,
        String currency, List<Ticket> tickets, UUID holdId, Instant confirmedAt, Instant cancelledAt,
        BigDecimal refundAmount, @JsonIgnore UUID customerId, @JsonIgnore String paymentId,
        @JsonIgnore String customerEmail) {

    public enum Status {
        CONFIRMED, CANCELLED
    }

    /** A seat's e-ticket: {@code qrCode} is the signed code its QR code carries, verifiable offline. */
    public record Ticket(String seatId, String qrCode, UUID ticketId) {
    }

    Booking withTickets(List<Ticket> issued) {
        return new Booking(bookingId, status, showId, seatIds, amount, currency, List.copyOf(issued), holdId,
                confirmedAt, cancelledAt, refundAmount, customerId, paymentId, customerEmail);
    }
}
