package io.ticketing.reservation.seating;

/**
 * A seat's status as customers see it: {@code AVAILABLE}, {@code HELD}, {@code SOLD} or {@code BLOCKED}
 * (never whose hold it is).
 */
public record SeatStatus(String seatId, String status) {

    public static final String HELD = "HELD";

    /**
     * The public status of a seat's live value in Redis: {@code HELD:<holdId>} and {@code KEPT} (for the waiting
     * line) become {@code HELD}.
     */
    public static SeatStatus of(String seatId, String liveValue) {
        return new SeatStatus(seatId, liveValue.startsWith(SeatingPlans.HELD_BY) || liveValue.equals(SeatScripts.KEPT)
                ? HELD : liveValue);
    }

    public boolean available() {
        return SeatingPlans.AVAILABLE.equals(status);
    }
}
