package io.ticketing.waiting.room;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's place in a show's waiting room.
 *
 * @param draw the random number that orders the customers who joined before the opening
 * @param rank the place in the room's order, from 1; null until the opening for who joined before it
 * @param admittedAt when the customer was let in; {@code admittedUntil} is when the admission ends
 * @param admissionSeenAt when the customer first read their place admitted: the admission ran again from then on
 */
public record Ticket(UUID ticketId, UUID showId, UUID customerId, Instant joinedAt, long draw, Long rank,
        Instant admittedAt, Instant admittedUntil, Instant admissionSeenAt) {

    /** Whether the customer is let in and has not read so yet. */
    boolean admissionUnseen() {
        return admittedAt != null && admissionSeenAt == null;
    }

    /** This ticket, its admission first seen at {@code at} and lasting until {@code until}. */
    Ticket seen(Instant at, Instant until) {
        return new Ticket(ticketId, showId, customerId, joinedAt, draw, rank, admittedAt, until, at);
    }
}
