package io.ticketing.reservation.hold;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bookings booking-service cancelled, remembered for good: a booking is confirmed, then cancelled, never the other
 * way, so a {@code BookingConfirmed} that arrives after its booking's cancellation (the outbox resent it) is old
 * news and must not sell the seats again.
 */
@Repository
class CancelledBookingRepository {

    private final JdbcClient jdbc;

    CancelledBookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void remember(UUID bookingId, UUID showId) {
        jdbc.sql("INSERT INTO cancelled_booking (booking_id, show_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(bookingId, showId).update();
    }

    boolean contains(UUID bookingId) {
        return jdbc.sql("SELECT count(*) FROM cancelled_booking WHERE booking_id = ?").param(bookingId)
                .query(Integer.class).single() > 0;
    }
}
