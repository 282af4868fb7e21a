package io.ticketing.waiting.line;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.events.waiting.WaitlistOffered;

/**
 * Serves a show's line whenever seats may have come free for it (a hold released or expired, a booking
 * cancelled, someone joined or left). reservation-service keeps freed seats for the line while it has entries;
 * here they are offered, in arrival order, to each waiter whose request fits — nobody is served before an
 * earlier waiter whose request fits too — and {@link WaitlistOffered} tells the waiter (through the outbox). Entries
 * that can no longer be met (free, kept and held seats together are fewer than asked) become UNSERVABLE; kept seats
 * that no remaining waiter could ever use go back on sale. One show is served by one instance at a time
 * ({@link ShowLocks}), so each release is served once however many instances run, and every call to
 * reservation-service's line for a show is made under that lock.
 */
@Service
public class Serving {

    private static final Logger log = LoggerFactory.getLogger(Serving.class);
    private static final int LINE_BATCH = 500;

    private final Entries entries;
    private final Reservation reservation;
    private final ShowLocks locks;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Serving(Entries entries, Reservation reservation, ShowLocks locks, TransactionOperations transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.entries = entries;
        this.reservation = reservation;
        this.locks = locks;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Offers the show's kept seats down its line, and lets go of what nobody in it can use. */
    public void serve(UUID showId) {
        if (!entries.anyFor(showId)) {
            return; // nobody ever waited for this show: nothing is kept for its line
        }
        locks.whileLocked(showId, () -> serveLocked(showId));
    }

    private void serveLocked(UUID showId) {
        syncLine(showId);
        var counts = reservation.counts(showId).orElse(null);
        if (counts == null) {
            return;
        }
        int kept = counts.kept();
        for (Entry waiting : entries.waiting(showId)) {
            if (waiting.seatCount() <= kept) {
                Optional<Reservation.Offer> offer;
                try {
                    offer = reservation.offer(showId, waiting.entryId(), waiting.customerId(), waiting.seatCount());
                }
                catch (Reservation.WaiterRefused ex) {
                    // holds and bookings of the show already fill the waiter's limit: the next one in line
                    entries.end(waiting.entryId(), Entry.Status.UNSERVABLE, clock.instant());
                    continue;
                }
                if (offer.isEmpty()) {
                    break;
                }
                record(waiting, offer.get());
                kept -= waiting.seatCount();
            }
        }
        counts = reservation.counts(showId).orElseThrow();
        int couldComeFree = counts.available() + counts.kept() + counts.held();
        List<Entry> remaining = entries.waiting(showId);
        for (Entry waiting : remaining) {
            if (waiting.seatCount() > couldComeFree) {
                entries.end(waiting.entryId(), Entry.Status.UNSERVABLE, clock.instant());
            }
        }
        int usable = counts.kept() + counts.held();
        boolean someoneCouldUse = remaining.stream()
                .anyMatch(waiting -> waiting.seatCount() <= couldComeFree && waiting.seatCount() <= usable);
        syncLine(showId);
        if (counts.kept() > 0 && !someoneCouldUse) {
            reservation.releaseKept(showId);
        }
    }

    /**
     * Records the offer and announces it ({@link WaitlistOffered}, outbox) at once, in a transaction of its own: a
     * later step of the serve failing cannot take it back while its hold lives on. A hold that cannot be recorded —
     * the database failed, or the waiter left while it was made — is withdrawn, so that no hold outlives its serve
     * without its waiter being told. (Under the show's lock nobody else offers to this entry, so an entry that no
     * longer waits has no other offer this hold could be.)
     */
    private void record(Entry waiting, Reservation.Offer offer) {
        boolean recorded;
        try {
            recorded = Boolean.TRUE.equals(transactions.execute(tx -> {
                if (!entries.offered(waiting.entryId(), new Entry.Offer(offer.holdId(), offer.seatIds(),
                        offer.expiresAt()), clock.instant())) {
                    return false;
                }
                events.publishEvent(new WaitlistOffered(UUID.randomUUID(), clock.instant(), waiting.entryId(),
                        waiting.showId(), waiting.customerId(), offer.holdId(), offer.seatIds(), offer.expiresAt(),
                        waiting.customerEmail()));
                return true;
            }));
        }
        catch (RuntimeException ex) {
            withdraw(waiting, offer, ex);
            throw ex;
        }
        if (!recorded) {
            withdraw(waiting, offer, null);
        }
    }

    /** A hold that cannot be withdrawn now ends with its lease; its seats then come back to the line. */
    private void withdraw(Entry waiting, Reservation.Offer offer, RuntimeException failure) {
        try {
            reservation.withdraw(waiting.showId(), offer.holdId());
        }
        catch (RuntimeException ex) {
            log.warn("Could not withdraw hold {} made for waiting entry {}; it ends with its lease", offer.holdId(),
                    waiting.entryId(), ex);
            if (failure != null) {
                failure.addSuppressed(ex);
            }
        }
    }

    /**
     * Shows whose entries reservation-service's line missed (an enter or a leave that failed) are served again: the
     * serve sends what is missing under the show's lock, and then, with the leave through, releases kept seats that
     * nobody left in the line can use. So seats kept for a waiter who left while reservation-service was down go
     * back on sale once it is back, also when no one else waits (reservation-service then releases them itself).
     */
    @Scheduled(fixedDelayString = "${ticketing.waiting.line-sync-interval:PT2S}")
    void syncLines() {
        for (UUID showId : entries.showsWithLineChanges(LINE_BATCH)) {
            try {
                serve(showId);
            }
            catch (RuntimeException ex) {
                log.warn("Could not bring the line of show {} to reservation-service; trying again", showId, ex);
            }
        }
    }

    /**
     * Every show with a line is served now and then, whatever events said: a trigger lost on the way (an instance
     * that died between keeping seats and announcing it) delays an offer by this interval at most.
     */
    @Scheduled(fixedDelayString = "${ticketing.waiting.serve-interval:PT30S}",
            initialDelayString = "${ticketing.waiting.serve-interval:PT30S}")
    void serveAllLines() {
        for (UUID showId : entries.showsWithLines()) {
            try {
                serve(showId);
            }
            catch (RuntimeException ex) {
                log.warn("Could not serve the line of show {} now; trying again later", showId, ex);
            }
        }
    }

    /**
     * Entries that joined enter reservation-service's line, entries that ended leave it. Only under the show's lock,
     * reading each entry's state after taking it: an enter is sent for an entry read as ENTERING, a leave for one
     * read as LEAVING, and LEAVING never turns back, so an entry's leave is always sent after its last enter, never
     * before (two instances syncing at once could otherwise send a stale enter after the leave: a ghost in the
     * line, which keeps freed seats for nobody). An entry that ends while its enter is on the way stays LEAVING
     * (the marks below are conditional) and leaves on the next sync.
     */
    private void syncLine(UUID showId) {
        for (var change : entries.lineChanges(showId, LINE_BATCH)) {
            reservation.line(change.showId(), change.entryId(), change.entering());
            entries.lineChanged(change);
        }
    }
}
