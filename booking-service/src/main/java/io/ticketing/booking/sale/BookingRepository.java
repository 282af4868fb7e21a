package io.ticketing.booking.sale;

import static io.ticketing.starter.Timestamps.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bookings, their seats and the payments turned away, in PostgreSQL. */
@Repository
class BookingRepository {

    private static final String SELECT = """
            SELECT id, status, show_id, seat_ids, amount, currency, hold_id, confirmed_at, cancelled_at,
                   refund_amount, customer_id, payment_id, customer_email
            FROM booking""";

    private final JdbcClient jdbc;

    BookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A show's bookings per status with their seats and amounts, per currency (for the sales report). */
    List<Bookings.Tally> tally(UUID showId) {
        return jdbc.sql("""
                SELECT status, currency, count(*) AS bookings, coalesce(sum(cardinality(seat_ids)), 0) AS seats,
                       sum(amount) AS amount, coalesce(sum(refund_amount), 0) AS refunded
                FROM booking WHERE show_id = ? GROUP BY status, currency ORDER BY status, currency""")
                .param(showId)
                .query((rs, n) -> new Bookings.Tally(rs.getString("status"), rs.getString("currency"),
                        rs.getInt("bookings"), rs.getInt("seats"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("refunded")))
                .list();
    }

    /** The booking with its tickets. */
    Optional<Booking> find(UUID bookingId) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(bookingId).query((rs, n) -> booking(rs)).optional()
                .map(booking -> booking.withTickets(tickets(bookingId)));
    }

    private List<Booking.Ticket> tickets(UUID bookingId) {
        return jdbc.sql("SELECT seat_id, code, ticket_id FROM booking_ticket WHERE booking_id = ? ORDER BY seat_id")
                .param(bookingId).query((rs, n) -> new Booking.Ticket(rs.getString("seat_id"), rs.getString("code"),
                        rs.getObject("ticket_id", UUID.class)))
                .list();
    }

    /** Stores the tickets issued for a booking; issuing the same tickets again changes nothing. */
    void issued(UUID bookingId, List<Booking.Ticket> tickets) {
        for (Booking.Ticket ticket : tickets) {
            jdbc.sql("""
                    INSERT INTO booking_ticket (booking_id, seat_id, ticket_id, code) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""")
                    .params(bookingId, ticket.seatId(), ticket.ticketId(), ticket.qrCode()).update();
        }
    }

    Optional<Booking> byHold(UUID holdId) {
        return jdbc.sql(SELECT + " WHERE hold_id = ?").param(holdId).query((rs, n) -> booking(rs)).optional();
    }

    List<Booking> ofCustomer(UUID customerId, int limit) {
        return jdbc.sql(SELECT + " WHERE customer_id = ? ORDER BY confirmed_at DESC LIMIT ?")
                .params(customerId, limit).query((rs, n) -> booking(rs)).list();
    }

    List<Booking> confirmedOfShow(UUID showId) {
        return jdbc.sql(SELECT + " WHERE show_id = ? AND status = 'CONFIRMED'").param(showId)
                .query((rs, n) -> booking(rs)).list();
    }

    /** Seats the customer has bought for the show and not cancelled. */
    int seatsOfCustomer(UUID showId, UUID customerId) {
        return jdbc.sql("""
                SELECT count(*) FROM booked_seat s JOIN booking b ON b.id = s.booking_id
                WHERE s.show_id = ? AND s.active AND b.customer_id = ?""")
                .params(showId, customerId).query(Integer.class).single();
    }

    void insert(Booking booking, long fencingToken) {
        jdbc.sql("""
                INSERT INTO booking (id, show_id, hold_id, payment_id, customer_id, seat_ids, fencing_token, amount,
                                     currency, status, confirmed_at, customer_email)
                VALUES (?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?)""")
                .params(booking.bookingId(), booking.showId(), booking.holdId(), booking.paymentId(),
                        booking.customerId(), String.join(",", booking.seatIds()), fencingToken, booking.amount(),
                        booking.currency(), booking.status().name(), utc(booking.confirmedAt()),
                        booking.customerEmail())
                .update();
        jdbc.sql("""
                INSERT INTO booked_seat (show_id, seat_id, booking_id)
                SELECT ?, seat, ? FROM unnest(string_to_array(?, ',')) AS seat""")
                .params(booking.showId(), booking.bookingId(), String.join(",", booking.seatIds()))
                .update();
    }

    /** Cancels a confirmed booking and frees its seats; false when it was cancelled already. */
    boolean cancel(UUID bookingId, BigDecimal refundAmount, Instant at) {
        boolean cancelled = jdbc.sql("""
                UPDATE booking SET status = 'CANCELLED', cancelled_at = ?, refund_amount = ?
                WHERE id = ? AND status = 'CONFIRMED'""")
                .params(utc(at), refundAmount, bookingId).update() == 1;
        if (cancelled) {
            jdbc.sql("UPDATE booked_seat SET active = false WHERE booking_id = ? AND active").param(bookingId).update();
        }
        return cancelled;
    }

    /** Remembers a payment turned away; false when it had been turned away before. */
    boolean reject(String paymentId, UUID holdId, UUID showId, String reason, Instant at) {
        return jdbc.sql("""
                INSERT INTO rejected_payment (payment_id, hold_id, show_id, reason, rejected_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(paymentId, holdId, showId, reason, utc(at)).update() == 1;
    }

    private static Booking booking(ResultSet rs) throws SQLException {
        OffsetDateTime cancelledAt = rs.getObject("cancelled_at", OffsetDateTime.class);
        return new Booking(rs.getObject("id", UUID.class), Booking.Status.valueOf(rs.getString("status")),
                rs.getObject("show_id", UUID.class), Arrays.asList((String[]) rs.getArray("seat_ids").getArray()),
                rs.getBigDecimal("amount"), rs.getString("currency"), List.of(), rs.getObject("hold_id", UUID.class),
                rs.getObject("confirmed_at", OffsetDateTime.class).toInstant(),
                cancelledAt == null ? null : cancelledAt.toInstant(), rs.getBigDecimal("refund_amount"),
                rs.getObject("customer_id", UUID.class), rs.getString("payment_id"), rs.getString("customer_email"));
    }
}
