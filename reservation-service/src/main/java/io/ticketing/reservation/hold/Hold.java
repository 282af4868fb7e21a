package io.ticketing.reservation.hold;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Seats of one show held for one customer until {@code expiresAt}, fenced by {@code fencingToken}. */
public record Hold(UUID holdId, UUID showId, @JsonIgnore UUID customerId, List<String> seatIds, Status status,
        Instant expiresAt, @JsonIgnore long fencingToken, BigDecimal amount, String currency,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID bookingId) {

    public Hold {
        seatIds = List.copyOf(seatIds);
    }

    /**
     * {@code PAYMENT_PENDING}: a payment was started and the seats stay held until {@code expiresAt} as before;
     * {@code REFUNDED}: a payment for the hold never became a booking and was paid back.
     */
    public enum Status {
        HELD, PAYMENT_PENDING, CONFIRMED, EXPIRED, RELEASED, REFUNDED
    }

    /** Whether the hold still holds its seats (with or without a payment under way). */
    public boolean holding() {
        return status == Status.HELD || status == Status.PAYMENT_PENDING;
    }
}
