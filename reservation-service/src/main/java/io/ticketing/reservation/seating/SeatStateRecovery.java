package io.ticketing.reservation.seating;

import java.util.UUID;

/**
 * Rebuilds a show's live seat state in Redis when Redis has lost it (a restart without persistence, a
 * failover to an empty replica), from what PostgreSQL knows: the plan, booking-service's sold and blocked seats
 * and the holds whose lease is still running.
 */
public interface SeatStateRecovery {

    /** Rebuilds the show's seat state unless it exists; safe to call from several threads and instances at once. */
    void recover(UUID showId);
}
