package io.ticketing.catalog.venue;

/** Kinds of seat; each show prices every kind its hall has. */
public enum SeatType {
    REGULAR, PREMIUM, VIP, ACCESSIBLE
}
