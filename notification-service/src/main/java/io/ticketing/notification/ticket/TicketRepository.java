package io.ticketing.notification.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bookings and their tickets in PostgreSQL. */
@Repository
class TicketRepository {

    /** A booking as its tickets need it. */
    record Booking(UUID bookingId, UUID showId, UUID customerId, boolean cancelled) {
    }

    /** A booking's status as booking-service told it ({@code booking.status}). */
    enum Status {
        CONFIRMED, CANCELLED
    }

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a confirmed booking; false if it was recorded before. */
    boolean insert(Booking booking, Instant confirmedAt) {
        return jdbc.sql("""
                INSERT INTO booking (booking_id, show_id, customer_id, status, confirmed_at)
                VALUES (?, ?, ?, 'CONFIRMED', ?)
                ON CONFLICT (booking_id) DO NOTHING""")
                .params(booking.bookingId(), booking.showId(), booking.customerId(),
                        confirmedAt.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    void insert(UUID bookingId, List<Ticket> tickets) {
        for (int position = 0; position < tickets.size(); position++) {
            Ticket ticket = tickets.get(position);
            jdbc.sql("INSERT INTO ticket (ticket_id, booking_id, seat_id, position, code) VALUES (?, ?, ?, ?, ?)")
                    .params(ticket.ticketId(), bookingId, ticket.seatId(), position, ticket.code()).update();
        }
    }

    Optional<Booking> booking(UUID bookingId) {
        return jdbc.sql("SELECT booking_id, show_id, customer_id, status FROM booking WHERE booking_id = ?")
                .param(bookingId)
                .query((rs, n) -> new Booking(rs.getObject("booking_id", UUID.class),
                        rs.getObject("show_id", UUID.class), rs.getObject("customer_id", UUID.class),
                        Status.valueOf(rs.getString("status")) == Status.CANCELLED))
                .optional();
    }

    /** The booking's tickets in the order of its seats. */
    List<Ticket> tickets(UUID bookingId) {
        return jdbc.sql("SELECT ticket_id, seat_id, code FROM ticket WHERE booking_id = ? ORDER BY position")
                .param(bookingId)
                .query((rs, n) -> new Ticket(rs.getObject("ticket_id", UUID.class), rs.getString("seat_id"),
                        rs.getString("code")))
                .list();
    }

    /** The booking a ticket belongs to. */
    Optional<Booking> bookingOfTicket(UUID ticketId) {
        return jdbc.sql("SELECT booking_id FROM ticket WHERE ticket_id = ?").param(ticketId).query(UUID.class)
                .optional().flatMap(this::booking);
    }

    /**
     * Admits the ticket at {@code at} through {@code gate}; empty if it was admitted before. Two scans at once: the
     * second insert waits for the first to commit, then inserts nothing.
     */
    Optional<Admission> admit(TicketCode ticket, Instant at, String gate) {
        return jdbc.sql("""
                INSERT INTO ticket_admission (ticket_id, admitted_at, gate) VALUES (?, ?, ?)
                ON CONFLICT (ticket_id) DO NOTHING
                RETURNING admitted_at, gate""")
                .params(ticket.ticketId(), at.atOffset(ZoneOffset.UTC), gate)
                .query((rs, n) -> admission(ticket, rs))
                .optional();
    }

    /** The ticket's admission, if it has been admitted. */
    Optional<Admission> admitted(TicketCode ticket) {
        return jdbc.sql("SELECT admitted_at, gate FROM ticket_admission WHERE ticket_id = ?").param(ticket.ticketId())
                .query((rs, n) -> admission(ticket, rs))
                .optional();
    }

    private static Admission admission(TicketCode ticket, ResultSet row) throws SQLException {
        return new Admission(ticket.ticketId(), ticket.bookingId(), ticket.showId(), ticket.seatId(),
                row.getObject("admitted_at", OffsetDateTime.class).toInstant(), row.getString("gate"));
    }

    /** Records the booking cancelled, whether its confirmation came before or is still to come. */
    void cancel(Booking booking, Instant at) {
        jdbc.sql("""
                INSERT INTO booking (booking_id, show_id, customer_id, status, cancelled_at)
                VALUES (?, ?, ?, 'CANCELLED', ?)
                ON CONFLICT (booking_id) DO UPDATE SET status = 'CANCELLED', cancelled_at = excluded.cancelled_at
                WHERE booking.status = 'CONFIRMED'""")
                .params(booking.bookingId(), booking.showId(), booking.customerId(), at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
