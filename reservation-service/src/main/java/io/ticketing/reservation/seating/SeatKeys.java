package io.ticketing.reservation.seating;

import java.util.UUID;

/**
 * The Redis keys of one show. All carry the show id as hash tag ({@code {id}}), so that one show's keys
 * live on one node and a script can change them together.
 */
public record SeatKeys(String seats, String counts, String fence, String holds, String customers) {

    public static SeatKeys of(UUID showId) {
        String prefix = "show:{" + showId + "}:";
        return new SeatKeys(prefix + "seats", prefix + "counts", prefix + "fence", prefix + "holds",
                prefix + "customers");
    }

    /**
     * The show's holds by the time their lease ends (a sorted set of hold ids), the sweeper's work list. One per show,
     * in the show's hash slot, so that every seat script touches one slot (a Redis Cluster refuses anything else).
     */
    public String expiring() {
        return holds + ":expiring";
    }

    /** A key that lives exactly as long as a hold's lease, so that Redis announces the lease's end. */
    public String lease(UUID holdId) {
        return holds + ":lease:" + holdId;
    }

    /** The waiting line's entries for the show (a set of entry ids, kept by waiting-service). */
    public String line() {
        return holds.replace(":holds", ":line");
    }

    /** The channel on which every change of the show's seats is published, as {@code seq|seat=STATUS,...}. */
    public String changes() {
        return seats + ":changes";
    }

    public String idempotency(UUID customerId, String key) {
        return holds.replace(":holds", ":idempotency:") + customerId + ":" + key;
    }
}
