package io.ticketing.reservation.availability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.ticketing.events.reservation.SeatAvailabilityChanged.SeatTypeCount;
import io.ticketing.reservation.seating.SeatChange;
import io.ticketing.reservation.seating.SeatSnapshot;
import io.ticketing.reservation.seating.SeatStatus;
import io.ticketing.reservation.seating.SeatingPlan;

/**
 * A show's seats per type, all of them and those a customer could hold now, kept up to date by the show's changes
 * instead of counted again from the whole seat map: a change costs as many steps as it has seats, whatever the size of
 * the show. It starts from a snapshot ({@link #synced}); changes that arrive while the snapshot is being read wait and
 * are applied after it. A gap in the sequence means a change was missed: the counts are then unsynced until the next
 * snapshot. Held, kept, sold and blocked seats are not available; a seat of the plan that Redis does not know counts
 * as available, as the seat map shows it. Thread-safe: changes come from the subscription's thread, reads and
 * snapshots from the reporting one.
 */
final class SeatCounts {

    /** Changes waiting for a snapshot beyond this are dropped, and the snapshot after is used instead. */
    private static final int MAX_WAITING = 10_000;
    private static final long UNSYNCED = -1;

    private final SeatingPlan plan;
    private final Map<String, int[]> byType = new TreeMap<>();
    private final Set<String> unavailable = new HashSet<>();
    private final List<SeatChange> waiting = new ArrayList<>();
    private long sequence = UNSYNCED;
    private boolean overflowed;

    /** Counts as of {@code sequence}: the change they include last. */
    record Current(long sequence, List<SeatTypeCount> counts) {
    }

    SeatCounts(SeatingPlan plan) {
        this.plan = plan;
    }

    SeatingPlan plan() {
        return plan;
    }

    synchronized boolean isSynced() {
        return sequence != UNSYNCED;
    }

    /** From now on changes wait for {@link #synced}, whatever they are. */
    synchronized void unsync() {
        sequence = UNSYNCED;
        waiting.clear();
        overflowed = false;
    }

    /**
     * Counts again from {@code snapshot}, then applies the changes that arrived since {@link #unsync()} and came after
     * it. Stays unsynced if some of those are missing.
     */
    synchronized void synced(SeatSnapshot snapshot) {
        byType.clear();
        unavailable.clear();
        plan.seatTypes().values().forEach(type -> byType.computeIfAbsent(type, t -> new int[2])[0]++);
        byType.values().forEach(counts -> counts[1] = counts[0]);
        for (SeatStatus seat : snapshot.seats()) {
            String type = plan.seatTypes().get(seat.seatId());
            if (type != null && !seat.available()) {
                unavailable.add(seat.seatId());
                byType.get(type)[1]--;
            }
        }
        sequence = overflowed ? UNSYNCED : snapshot.sequence();
        List<SeatChange> later = List.copyOf(waiting);
        waiting.clear();
        overflowed = false;
        later.forEach(this::changed);
    }

    /** Applies the next change of the show; an older one is ignored, and a gap unsyncs the counts. */
    synchronized void changed(SeatChange change) {
        if (sequence == UNSYNCED) {
            if (waiting.size() < MAX_WAITING) {
                waiting.add(change);
            }
            else {
                overflowed = true;
            }
            return;
        }
        if (change.sequence() <= sequence) {
            return;
        }
        if (change.sequence() != sequence + 1) {
            sequence = UNSYNCED;
            return;
        }
        for (SeatStatus seat : change.seats()) {
            String type = plan.seatTypes().get(seat.seatId());
            if (type == null) {
                continue;
            }
            boolean wasAvailable = !unavailable.contains(seat.seatId());
            if (seat.available() != wasAvailable) {
                if (seat.available()) {
                    unavailable.remove(seat.seatId());
                }
                else {
                    unavailable.add(seat.seatId());
                }
                byType.get(type)[1] += seat.available() ? 1 : -1;
            }
        }
        sequence = change.sequence();
    }

    /** The counts and the change they are current to; only while synced. */
    synchronized Current current() {
        if (sequence == UNSYNCED) {
            throw new IllegalStateException("The counts of show " + plan.showId() + " wait for a snapshot");
        }
        return new Current(sequence, byType.entrySet().stream()
                .map(entry -> new SeatTypeCount(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList());
    }
}
