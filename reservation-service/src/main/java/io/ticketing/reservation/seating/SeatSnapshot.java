package io.ticketing.reservation.seating;

import java.util.List;
import java.util.UUID;

/**
 * Every seat of a show as it was right after the change numbered {@code sequence}: a copy that is exact up
 * to that change, to which later {@link SeatChange}s apply in order.
 */
public record SeatSnapshot(UUID showId, long sequence, List<SeatStatus> seats) {

    public SeatSnapshot {
        seats = List.copyOf(seats);
    }
}
