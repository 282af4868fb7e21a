package io.ticketing.waiting.line;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer's place in a show's waiting line. {@code position} counts the entries still waiting up to and
 * including this one (1 = next); 0 once the entry no longer waits. {@code offer} once {@code OFFERED}.
 * {@code joinedSeq} is its place in the order of joining.
 */
public record Entry(UUID entryId, UUID showId, Status status, int position, int seatCount, Instant expiresAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Offer offer, @JsonIgnore UUID customerId,
        @JsonIgnore String customerEmail, @JsonIgnore long joinedSeq) {

    public enum Status {
        WAITING, OFFERED, EXPIRED, CANCELLED, UNSERVABLE
    }

    /** The hold made for the waiter: pay for it before {@code expiresAt}, like any hold. */
    public record Offer(UUID holdId, List<String> seatIds, Instant expiresAt) {
    }
}
