package io.ticketing.reservation.seating;

import java.util.Optional;
import java.util.UUID;

/**
 * A seat's state in a show's live seat map, and what Redis stores for it: the state's name, except for a held seat,
 * which stores {@code HELD:<holdId>}. {@code KEPT}: freed while customers wait in the show's line, only offers to
 * waiters take it. Customers see four states ({@link #shown(String)}): a kept seat is shown as held, and nobody is
 * told whose hold a seat is in.
 */
public enum SeatState {

    AVAILABLE, HELD, KEPT, SOLD, BLOCKED;

    private static final String HELD_BY = "HELD:";

    /** The state of a value Redis stores. */
    public static SeatState of(String stored) {
        return stored.startsWith(HELD_BY) ? HELD : valueOf(stored);
    }

    /** What Redis stores for a seat in this state; a held seat's value names its hold ({@link #heldBy}). */
    public String stored() {
        if (this == HELD) {
            throw new IllegalStateException("A held seat is stored with its hold: heldBy(holdId)");
        }
        return name();
    }

    /** Whether Redis stores this state for the seat ({@code stored} may be null: a seat it does not have). */
    public boolean isStored(String stored) {
        return stored != null && (this == HELD ? stored.startsWith(HELD_BY) : stored.equals(name()));
    }

    /** What Redis stores for a seat in the hold. */
    public static String heldBy(UUID holdId) {
        return HELD_BY + holdId;
    }

    /** The hold a stored value names, as text; empty for a seat not held. */
    public static Optional<String> holdOf(String stored) {
        return stored.startsWith(HELD_BY) ? Optional.of(stored.substring(HELD_BY.length())) : Optional.empty();
    }

    /**
     * The name of the state customers see for a stored value: a kept seat is held, and a held one does not say whose
     * hold it is. Read off the value, not parsed into a state: it runs for every seat of every snapshot.
     */
    public static String shown(String stored) {
        return stored.startsWith(HELD_BY) || stored.equals(KEPT.name()) ? HELD.name() : stored;
    }
}
