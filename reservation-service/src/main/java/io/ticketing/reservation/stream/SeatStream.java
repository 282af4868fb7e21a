package io.ticketing.reservation.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ticketing.reservation.seating.SeatChange;
import io.ticketing.reservation.seating.SeatSnapshot;

/**
 * One client's stream of one show: a {@code snapshot} event, then {@code seats} events ({@link StreamedChanges}) with
 * every change after it, by sequence without gaps. Changes that arrive while the snapshot is being read wait, and
 * those the snapshot already contains are dropped. A missing sequence number (the instance lost changes) stops the
 * stream until a snapshot read after it: the client then gets one {@code seats} event with the seats that differ
 * ({@link SeatCopy.Fill}) or, when the instance has no copy at the same sequence, the whole snapshot. Either way a
 * client can trust that its copy is exact at every event.
 *
 * <p>Events leave through a queue drained by one task at a time on {@code writers}: the thread that
 * delivers Redis messages never waits for a slow client. After a {@code seats} event the stream waits
 * {@code eventInterval} before the next, and the changes that come meanwhile go out together in one event: in a rush
 * every stream of a show would otherwise be written once per hold, each write a flush through this service and the
 * gateway. A waiting {@code seats} event never holds more than the show's seats, however slow its client.
 */
final class SeatStream {

    private static final Logger log = LoggerFactory.getLogger(SeatStream.class);

    static final String SNAPSHOT = "snapshot";
    static final String SEATS = "seats";
    private static final long UNSYNCED = -1;

    private final UUID showId;
    private final StreamSink sink;
    private final Executor writers;
    private final int maxQueued;
    private final Duration eventInterval;
    /** Asks for a fresh snapshot, delivered later to {@link #synced}. */
    private final Consumer<SeatStream> resync;
    private final Runnable onClose;

    private final ReentrantLock lock = new ReentrantLock();
    /**
     * What waits to be sent: a {@link SeatSnapshot}, {@link StreamedChanges.Pending} — which gathers the changes that
     * come until it is taken (under the lock) to be sent — or {@link #HEARTBEAT}.
     */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    /** Changes that arrived while a snapshot was being read. */
    private final List<SeatChange> early = new ArrayList<>();
    /** The sequence of the last change queued, or UNSYNCED while a snapshot is being read. */
    private long sequence = UNSYNCED;
    /** The sequence the client is at (with everything queued) when the stream last lost its changes. */
    private long resumeFrom = UNSYNCED;
    private boolean writing;
    private boolean closed;

    /** A comment that keeps an idle connection open. */
    private static final Object HEARTBEAT = new Object();

    SeatStream(UUID showId, StreamSink sink, Executor writers, int maxQueued, Duration eventInterval,
            Consumer<SeatStream> resync, Runnable onClose) {
        this.showId = showId;
        this.sink = sink;
        this.writers = writers;
        this.maxQueued = maxQueued;
        this.eventInterval = eventInterval;
        this.resync = resync;
        this.onClose = onClose;
    }

    UUID showId() {
        return showId;
    }

    /** A snapshot read after this stream started listening: sent, followed by the changes it lacks. */
    void synced(SeatSnapshot snapshot) {
        caughtUp(snapshot, null);
    }

    /**
     * The seats that changed between the sequence this stream stopped at and a snapshot read after that: sent as one
     * {@code seats} event when the stream stopped where the fill starts, else as the whole snapshot.
     */
    void filled(SeatCopy.Fill fill) {
        caughtUp(fill.snapshot(), fill);
    }

    /** The sequence this stream stopped at when it last lost its changes; {@code -1} if it never had a snapshot. */
    long resumeFrom() {
        lock.lock();
        try {
            return resumeFrom;
        }
        finally {
            lock.unlock();
        }
    }

    /** Queues the snapshot, or the fill from it, then the changes that came meanwhile. */
    private void caughtUp(SeatSnapshot snapshot, SeatCopy.Fill fill) {
        boolean gap = false;
        lock.lock();
        try {
            if (closed || sequence != UNSYNCED) {
                return;
            }
            if (fill == null || fill.from() != resumeFrom) {
                queue.add(snapshot);
            }
            else if (snapshot.sequence() > fill.from()) {
                queue.add(new StreamedChanges.Pending(showId, fill.from() + 1, snapshot.sequence(), fill.seats()));
            }
            // else nothing changed while the stream stopped (a renewed subscription in a quiet moment)
            sequence = snapshot.sequence();
            early.sort(Comparator.comparingLong(SeatChange::sequence));
            List<SeatChange> waiting = List.copyOf(early);
            early.clear();
            for (SeatChange change : waiting) {
                if (!apply(change)) {
                    gap = true;
                    break;
                }
            }
        }
        finally {
            lock.unlock();
        }
        afterQueueing(gap);
    }

    /** A change of this stream's show, as Redis delivered it. */
    void changed(SeatChange change) {
        boolean gap;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (sequence == UNSYNCED) {
                early.add(change);
                gap = false;
                if (early.size() > maxQueued) {
                    log.info("Ending a stream of show {}: {} changes came while its snapshot was read", showId,
                            early.size());
                    closeLocked();
                }
            }
            else {
                gap = !apply(change);
            }
        }
        finally {
            lock.unlock();
        }
        afterQueueing(gap);
    }

    /** The instance may have missed changes: start over from a fresh snapshot. */
    void unsynced() {
        lock.lock();
        try {
            if (closed || sequence == UNSYNCED) {
                return;
            }
            resumeFrom = sequence;
            sequence = UNSYNCED;
        }
        finally {
            lock.unlock();
        }
        resync.accept(this);
    }

    /** Keeps an idle connection open; a busy one needs no heartbeat. */
    void heartbeat() {
        lock.lock();
        try {
            if (closed || writing || !queue.isEmpty()) {
                return;
            }
            queue.add(HEARTBEAT);
        }
        finally {
            lock.unlock();
        }
        afterQueueing(false);
    }

    /** Ends the stream: the client's connection is closed and the stream forgotten. */
    void close() {
        lock.lock();
        try {
            closeLocked();
        }
        finally {
            lock.unlock();
        }
    }

    /** The client went away, or the response ended: forgets the stream without touching the response. */
    void ended() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            early.clear();
        }
        finally {
            lock.unlock();
        }
        onClose.run();
    }

    /**
     * Queues the change if it is the next one, with the changes still waiting to be sent if any; false when changes are
     * missing before it.
     */
    private boolean apply(SeatChange change) {
        if (change.sequence() <= sequence) {
            return true;
        }
        if (change.sequence() != sequence + 1) {
            resumeFrom = sequence;
            sequence = UNSYNCED;
            early.clear();
            early.add(change);
            return false;
        }
        sequence = change.sequence();
        if (queue.peekLast() instanceof StreamedChanges.Pending waiting) {
            waiting.add(change);
        }
        else {
            queue.add(new StreamedChanges.Pending(change));
        }
        return true;
    }

    private void afterQueueing(boolean gap) {
        if (gap) {
            resync.accept(this);
        }
        boolean start = false;
        lock.lock();
        try {
            if (!closed && !writing && !queue.isEmpty()) {
                writing = true;
                start = true;
            }
        }
        finally {
            lock.unlock();
        }
        if (start) {
            writers.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Object next;
            lock.lock();
            try {
                next = closed ? null : queue.poll();
                if (next == null) {
                    writing = false;
                    return;
                }
            }
            finally {
                lock.unlock();
            }
            try {
                switch (next) {
                    case SeatSnapshot snapshot -> sink.send(SNAPSHOT, snapshot.sequence(), snapshot);
                    case StreamedChanges.Pending changes -> {
                        StreamedChanges event = changes.event();
                        sink.send(SEATS, event.sequence(), event);
                        if (eventInterval.isPositive()) {
                            Thread.sleep(eventInterval);
                        }
                    }
                    default -> sink.heartbeat();
                }
            }
            catch (InterruptedException ex) {
                // the service is stopping
                Thread.currentThread().interrupt();
                close();
                return;
            }
            catch (Exception ex) {
                // the client went away: nothing more to send it
                close();
                return;
            }
        }
    }

    /** Under the lock: ends the response once and tells the owner. */
    private void closeLocked() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        early.clear();
        writers.execute(() -> {
            sink.close();
            onClose.run();
        });
    }
}
