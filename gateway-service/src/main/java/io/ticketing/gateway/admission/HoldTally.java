package io.ticketing.gateway.admission;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The holds of one room's show that the gate let through and waiting-service has not been told of yet. Counted on the
 * requests' threads without a lock; a report takes off exactly what it carried, and only once waiting-service has
 * accepted it, so the holds of a report that failed go again with the next one, and holds answered while a report
 * was on its way are kept for the one after.
 *
 * <p>A hold still unanswered when it is already slow is counted as slow before its answer comes ({@link #overdue}):
 * a hold path that stalls slows admission down while it stalls, not once the stalled holds come back seconds later.
 */
final class HoldTally {

    private final LongAdder holds = new LongAdder();
    private final LongAdder slow = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Set<Hold> inFlight = ConcurrentHashMap.newKeySet();

    /** A hold let through at {@code startedNanos} ({@link System#nanoTime()}), counted once. */
    static final class Hold {

        private final long startedNanos;
        private final AtomicBoolean counted = new AtomicBoolean();

        private Hold(long startedNanos) {
            this.startedNanos = startedNanos;
        }

        long startedNanos() {
            return startedNanos;
        }
    }

    /**
     * A hold that reached the gateway at {@code arrivedNanos} ({@link System#nanoTime()}) was let through;
     * {@link #answered} it once its answer is written.
     */
    Hold begin(long arrivedNanos) {
        Hold hold = new Hold(arrivedNanos);
        inFlight.add(hold);
        return hold;
    }

    /**
     * The hold was answered: {@code tookLong} when later than the room allows, {@code failed} with a 5xx status. A hold
     * counted as slow while in flight adds only its failure.
     */
    void answered(Hold hold, boolean tookLong, boolean failed) {
        inFlight.remove(hold);
        if (hold.counted.compareAndSet(false, true)) {
            count(tookLong);
        }
        if (failed) {
            errors.increment();
        }
    }

    /** Counts the holds in flight for longer than {@code slowAfterNanos} as slow now, each once. */
    void overdue(long slowAfterNanos) {
        long now = System.nanoTime();
        for (Hold hold : inFlight) {
            if (now - hold.startedNanos > slowAfterNanos && hold.counted.compareAndSet(false, true)) {
                count(true);
            }
        }
    }

    private void count(boolean tookLong) {
        // the hold first and its kind after, read in the opposite order (count): a count never has more slow or failed
        // holds than holds (a failure comes after its hold was counted)
        holds.increment();
        if (tookLong) {
            slow.increment();
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
