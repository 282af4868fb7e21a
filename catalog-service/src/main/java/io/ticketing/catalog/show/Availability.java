package io.ticketing.catalog.show;

/**
 * How many seats of a type a show still has, and what a customer is told about it. "Almost full" starts
 * at a tenth of the seats (at least the last seat, unless none was taken), early enough to matter and
 * late enough to be true.
 */
public record Availability(String seatType, int total, int available) {

    public enum Status {
        AVAILABLE, ALMOST_FULL, FULL
    }

    public Status status() {
        if (available <= 0) {
            return Status.FULL;
        }
        return available < total && available <= Math.max(1, total / 10) ? Status.ALMOST_FULL : Status.AVAILABLE;
    }
}
