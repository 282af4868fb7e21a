package io.ticketing.waiting.room;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's place in a show's waiting room.
 *
 * @param draw the random number that orders the customers who joined before the opening
 * @param rank the place in the room's order, from 1; null until the opening for who joined before it
 * @param admittedAt when the customer was let in; {@code admittedUntil} is when the admission ends
 */
public record Ticket(UUID ticketId, UUID showId, UUID customerId, Instant joinedAt, long draw, Long rank,
        Instant admittedAt, Instant admittedUntil) {
}
