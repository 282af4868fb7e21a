package io.ticketing.reservation.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ticketing.reservation.seating.SeatChange;
import io.ticketing.reservation.seating.SeatSnapshot;
import io.ticketing.reservation.seating.SeatStatus;

/**
 * This instance's copy of one show's seats, kept while the show has streams here, so that a gap in its changes costs
 * the streams one small {@code seats} event each rather than a snapshot of every seat. A gap is a change Redis
 * delivered to no listener here, or a renewed subscription: every stream of the show stops at the same sequence then,
 * since all of them follow the changes this instance receives, in the order it receives them.
 * <p>
 * The copy follows those same changes. When it misses one it is <em>stale</em> at its last sequence until a snapshot
 * read after that point shows the seats as they are now; the seats that differ between the two are the {@link Fill}
 * that brings every stream stopped at that sequence to the snapshot's. Changes that come meanwhile wait, like a
 * stream's, and are applied after the snapshot. The snapshot is read on another thread; the thread that delivers
 * changes waits for the copy only while a snapshot is compared with it, once per gap.
 */
final class SeatCopy {

    private static final Logger log = LoggerFactory.getLogger(SeatCopy.class);

    private final UUID showId;
    private final int maxWaiting;
    /** Each seat's status as shown, after change {@link #sequence}; null until the first snapshot. */
    private Map<String, String> statuses;
    private long sequence;
    /** While stale: the fill that the next snapshot read completes; null while the copy follows the changes. */
    private CompletableFuture<Fill> fill;
    /** Changes that came while there was no snapshot to apply them to. */
    private final List<SeatChange> waiting = new ArrayList<>();

    /** @param maxWaiting changes kept while a snapshot is read; past that, the copy starts over */
    SeatCopy(UUID showId, int maxWaiting) {
        this.showId = showId;
        this.maxWaiting = maxWaiting;
    }

    /**
     * What a stream stopped at {@code from} lacks to be at the snapshot's sequence: {@code seats}, each seat whose
     * status differs between the two (its status in the snapshot).
     */
    record Fill(long from, SeatSnapshot snapshot, List<SeatStatus> seats) {

        Fill {
            seats = List.copyOf(seats);
        }
    }

    /** What the copy asks of its owner after a change or a snapshot. */
    enum Next {
        /** Nothing. */
        NOTHING,
        /** The copy went stale: a snapshot must be read, after this moment. */
        READ
    }

    UUID showId() {
        return showId;
    }

    /** A change of the show, as delivered; {@link Next#READ} when it shows that changes were missed. */
    Next changed(SeatChange change) {
        CompletableFuture<Fill> dropped;
        synchronized (this) {
            if (statuses == null || fill != null) {
                waiting.add(change);
                if (waiting.size() <= maxWaiting) {
                    return Next.NOTHING;
                }
                dropped = startOver();
            }
            else if (change.sequence() <= sequence) {
                return Next.NOTHING;
            }
            else if (change.sequence() == sequence + 1) {
                apply(change);
                return Next.NOTHING;
            }
            else {
                waiting.add(change);
                return stale(change.sequence());
            }
        }
        log.info("Starting the copy of show {} over: {} changes came while its snapshot was read", showId, maxWaiting);
        if (dropped != null) {
            dropped.completeExceptionally(new IllegalStateException("Too many changes of show " + showId
                    + " came while its snapshot was read"));
        }
        return Next.READ;
    }

    /** The subscription was renewed: changes published meanwhile may be missing. */
    synchronized Next resubscribed() {
        if (statuses == null || fill != null) {
            return Next.NOTHING;
        }
        fill = new CompletableFuture<>();
        return Next.READ;
    }

    /**
     * A snapshot read for any reason: it starts the copy, or ends its staleness when it is no older than the copy, and
     * then completes the waiting fill. Reads of one show come one at a time.
     */
    Next read(SeatSnapshot snapshot) {
        CompletableFuture<Fill> filled = null;
        Fill result = null;
        Next next;
        synchronized (this) {
            if (statuses == null) {
                statuses = statuses(snapshot);
                sequence = snapshot.sequence();
            }
            else if (fill != null && snapshot.sequence() >= sequence) {
                List<SeatStatus> differing = new ArrayList<>();
                for (SeatStatus seat : snapshot.seats()) {
                    if (!seat.status().equals(statuses.get(seat.seatId()))) {
                        differing.add(seat);
                    }
                }
                result = new Fill(sequence, snapshot, differing);
                filled = fill;
                fill = null;
                statuses = statuses(snapshot);
                sequence = snapshot.sequence();
            }
            else {
                return Next.NOTHING;
            }
            next = applyWaiting();
        }
        if (filled != null) {
            log.info("Show {}: its streams stopped at change {} catch up to change {} with the {} seats that differ",
                    showId, result.from(), result.snapshot().sequence(), result.seats().size());
            filled.complete(result);
        }
        return next;
    }

    /** The snapshot could not be read: whoever waits for a fill is told, and the copy starts over. */
    void readFailed(Throwable cause) {
        CompletableFuture<Fill> dropped;
        synchronized (this) {
            dropped = startOver();
        }
        if (dropped != null) {
            dropped.completeExceptionally(cause);
        }
    }

    /**
     * The fill for a stream that stopped at {@code from}, once the snapshot is read; null when the copy is not stale
     * at that sequence (the stream then needs a whole snapshot).
     */
    synchronized CompletableFuture<Fill> fillFrom(long from) {
        return fill != null && statuses != null && sequence == from ? fill : null;
    }

    /** Under the lock: applies the changes that waited for a snapshot, up to the first that does not follow. */
    private Next applyWaiting() {
        waiting.sort(Comparator.comparingLong(SeatChange::sequence));
        int applied = 0;
        for (SeatChange change : waiting) {
            if (change.sequence() > sequence + 1) {
                break;
            }
            if (change.sequence() == sequence + 1) {
                apply(change);
            }
            applied++;
        }
        waiting.subList(0, applied).clear();
        return waiting.isEmpty() ? Next.NOTHING : stale(waiting.getFirst().sequence());
    }

    /** Under the lock: change {@code next} came, which does not follow the copy's sequence. */
    private Next stale(long next) {
        log.warn("Seat change {} of show {} came after change {}: changes were lost or came out of order, so its "
                + "streams catch up from one fresh snapshot read", next, showId, sequence);
        fill = new CompletableFuture<>();
        return Next.READ;
    }

    /** Under the lock: forgets the seats; the next snapshot starts the copy again. Returns the fill it dropped. */
    private CompletableFuture<Fill> startOver() {
        CompletableFuture<Fill> dropped = fill;
        statuses = null;
        fill = null;
        waiting.clear();
        return dropped;
    }

    private void apply(SeatChange change) {
        change.seats().forEach(seat -> statuses.put(seat.seatId(), shared(seat.status())));
        sequence = change.sequence();
    }

    private static Map<String, String> statuses(SeatSnapshot snapshot) {
        Map<String, String> statuses = HashMap.newHashMap(snapshot.seats().size());
        snapshot.seats().forEach(seat -> statuses.put(seat.seatId(), shared(seat.status())));
        return statuses;
    }

    /** One string per status, not one per seat: an arena's copy holds 60,000 of them. */
    private static String shared(String status) {
        return switch (status) {
            case "AVAILABLE" -> "AVAILABLE";
            case "HELD" -> "HELD";
            case "SOLD" -> "SOLD";
            case "BLOCKED" -> "BLOCKED";
            default -> status;
        };
    }
}
