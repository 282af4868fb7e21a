package io.ticketing.waiting.room;

import java.time.Instant;
import java.util.UUID;

/**
 * A waiting room as its admins see it: the settings, the rate admission runs at now and why it is lower
 * ({@code throttleReason}), how many wait, were admitted, and may still hold seats ({@code active}), and the seats
 * left to hold ({@code seatsLeft}; null when reservation-service could not be asked).
 */
public record RoomState(UUID showId, Room.Status status, Instant opensAt, int admitPerMinute, int admissionMinutes,
        long effectiveAdmitPerMinute, boolean throttled, String throttleReason, long holdLatencyBoundMillis,
        long waiting, long admitted, long active, Integer seatsLeft, Instant openedAt, Instant closedAt,
        Instant createdAt, Instant updatedAt) {

    /** The room as customers see it before they join: whether it is on, when it opens, how long a newcomer waits. */
    public record Public(UUID showId, Room.Status status, Instant opensAt, long waiting, Long etaSeconds) {
    }
}
