package io.ticketing.reservation.seating;

/**
 * A seat's status as customers see it: {@code AVAILABLE}, {@code HELD}, {@code SOLD} or {@code BLOCKED}
 * (never whose hold it is).
 */
public record SeatStatus(String seatId, String status) {

    /** The public status of a seat's live value in Redis ({@link SeatState#shown(String)}). */
    public static SeatStatus of(String seatId, String liveValue) {
        return new SeatStatus(seatId, SeatState.shown(liveValue));
    }

    public boolean available() {
        return SeatState.AVAILABLE.name().equals(status);
    }
}
