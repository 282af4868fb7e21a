package io.ticketing.gateway.admission;

import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The holds of one room's show that the gate let through and waiting-service has not been told of yet. Counted on the
 * requests' threads without a lock; a report takes off exactly what it carried, and only once waiting-service has
 * accepted it, so the holds of a report that failed go again with the next one, and holds answered while a report
 * was on its way are kept for the one after.
 */
final class HoldTally {

    private final LongAdder holds = new LongAdder();
    private final LongAdder slow = new LongAdder();
    private final LongAdder errors = new LongAdder();

    /** A hold was answered: {@code slow} when later than the room allows, {@code failed} with a 5xx status. */
    void record(boolean tookLong, boolean failed) {
        // the hold first and its kind after, read in the opposite order (count): a count never has more slow or failed
        // holds than holds
        holds.increment();
        if (tookLong) {
            slow.increment();
        }
        if (failed) {
            errors.increment();
        }
    }

    /** What is counted now, as the report of {@code showId} carries it. */
    RoomsClient.ShowHolds count(UUID showId) {
        long slowNow = slow.sum();
        long errorsNow = errors.sum();
        return new RoomsClient.ShowHolds(showId, holds.sum(), slowNow, errorsNow);
    }

    /** waiting-service accepted a report that carried {@code reported}: those are told. */
    void settle(RoomsClient.ShowHolds reported) {
        holds.add(-reported.holds());
        slow.add(-reported.slow());
        errors.add(-reported.errors());
    }
}
