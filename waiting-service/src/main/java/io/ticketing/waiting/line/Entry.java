package io.ticketing.waiting.line;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A customer's place in a show's waiting line. {@code position} counts the entries still waiting up to and
 * including this one (1 = next); 0 once the entry no longer waits.
 */
public record Entry(UUID entryId, UUID showId, Status status, int position, int seatCount, Instant expiresAt,
        @JsonIgnore UUID customerId) {

    public enum Status {
        WAITING, OFFERED, EXPIRED, CANCELLED, UNSERVABLE
    }
}
