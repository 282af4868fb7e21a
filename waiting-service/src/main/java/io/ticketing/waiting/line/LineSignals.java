package io.ticketing.waiting.line;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.ticketing.waiting.signals.DatabaseSignals;
import io.ticketing.waiting.signals.Watchers;

/**
 * Tells whoever watches a waiting entry (long polls, streams) what changed in its show's line, on any instance:
 * PostgreSQL announces every entry that joins or changes status (a trigger, {@code pg_notify}, naming the entry,
 * its place in the line and its status before and after), heard through {@link DatabaseSignals}. A watcher so
 * learns that its own entry changed, or that entries ahead of it left the line, without reading the table: a
 * line of hundreds costs one notification per change, not hundreds of reads. While nothing is heard, watchers read
 * their entry every {@link #FALLBACK}; when listening starts again every watcher reads its entry, since changes may
 * have gone unheard meanwhile.
 */
@Component
class LineSignals implements DatabaseSignals.Subscriber {

    private static final String CHANNEL = "waitlist_entry_changed";
    /** How often a watcher reads its entry while no notification can arrive. */
    private static final Duration FALLBACK = DatabaseSignals.RETRY;

    private final DatabaseSignals signals;
    private final Watchers<Watch> watches = new Watchers<>();

    LineSignals(DatabaseSignals signals) {
        this.signals = signals;
        signals.subscribe(CHANNEL, this);
    }

    /** What a watcher learnt while it waited. */
    record News(boolean ownStatus, int aheadLeft, boolean readAgain) {
    }

    /**
     * A watcher of one waiting entry. Start it before reading the entry a last time, so that no change between
     * that read and the wait goes unheard; close it when done.
     */
    final class Watch implements AutoCloseable {

        private final UUID showId;
        private final UUID entryId;
        private final long joinedSeq;
        private final Semaphore news = new Semaphore(0);
        private final AtomicInteger aheadLeft = new AtomicInteger();
        private volatile boolean ownStatus;
        private volatile boolean readAgain;

        private Watch(Entry entry) {
            this.showId = entry.showId();
            this.entryId = entry.entryId();
            this.joinedSeq = entry.joinedSeq();
        }

        /** Waits for news, at most {@code timeout} (and at most {@link #FALLBACK} while nobody listens). */
        News await(Duration timeout) {
            boolean heard = signals.listening();
            Duration wait = heard || timeout.compareTo(FALLBACK) < 0 ? timeout : FALLBACK;
            try {
                news.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            news.drainPermits();
            News learnt = new News(ownStatus, aheadLeft.getAndSet(0), readAgain || !heard);
            ownStatus = false;
            readAgain = false;
            return learnt;
        }

        private void heard(Change change) {
            if (change.entryId().equals(entryId)) {
                ownStatus = true;
            }
            else if (change.joinedSeq() < joinedSeq && change.leftTheLine()) {
                aheadLeft.incrementAndGet();
            }
            else {
                return;
            }
            news.release();
        }

        private void readAgain() {
            readAgain = true;
            news.release();
        }

        @Override
        public void close() {
            watches.remove(showId, this);
        }
    }

    /** Starts watching a waiting entry. */
    Watch watch(Entry entry) {
        Watch watch = new Watch(entry);
        watches.add(entry.showId(), watch);
        return watch;
    }

    /**
     * One change as the trigger announces it: {@code show,entry,joined_seq,old status,new status}, the old status
     * empty for an entry that joined ({@code oldStatus} null then).
     */
    record Change(UUID showId, UUID entryId, long joinedSeq, Entry.Status oldStatus, Entry.Status newStatus) {

        static Change parse(String payload) {
            String[] parts = payload.split(",", -1);
            return new Change(UUID.fromString(parts[0]), UUID.fromString(parts[1]), Long.parseLong(parts[2]),
                    parts[3].isEmpty() ? null : Entry.Status.valueOf(parts[3]), Entry.Status.valueOf(parts[4]));
        }

        /** The entry waited and no longer does: everyone who joined after it moved up. */
        boolean leftTheLine() {
            return oldStatus == Entry.Status.WAITING && newStatus != Entry.Status.WAITING;
        }
    }

    /** A notification of the trigger: the watchers of its show learn what concerns them. */
    @Override
    public void heard(String payload) {
        Change change = Change.parse(payload);
        watches.ofShow(change.showId(), watch -> watch.heard(change));
    }

    @Override
    public void missed() {
        watches.all(Watch::readAgain);
    }
}
