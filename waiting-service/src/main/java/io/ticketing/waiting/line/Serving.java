package io.ticketing.waiting.line;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.events.waiting.WaitlistOffered;
import io.ticketing.starter.jobs.JobLease;
import io.ticketing.starter.jobs.JobLeases;

/**
 * Serves a show's line whenever seats may have come free for it (a hold released or expired, a booking
 * cancelled, someone joined or left). reservation-service keeps freed seats for the line while it has entries;
 * here they are offered, in arrival order, to each waiter whose request fits — nobody is served before an
 * earlier waiter whose request fits too — and {@link WaitlistOffered} tells the waiter (through the outbox). Entries
 * that can no longer be met (free, kept and held seats together are fewer than asked) become UNSERVABLE; kept seats
 * that no remaining waiter could ever use go back on sale. One show is served by one instance at a time
 * ({@link ShowLocks}), so each release is served once however many instances run, and every call to
 * reservation-service's line for a show is made under that lock. The line sync and the serving of every line are
 * done by the holder of each job's lease ({@link JobLeases}).
 */
@Service
public class Serving {

    private static final Logger log = LoggerFactory.getLogger(Serving.class);
    private static final int LINE_BATCH = 500;
    /** The most waiters offered seats in one call to reservation-service. */
    private static final int ROUND = 50;

    private final EntryRepository entries;
    private final Reservation reservation;
    private final ShowLocks locks;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LineMetrics metrics;
    private final JobLease syncing;
    private final JobLease servingAll;
    /** Shows to serve again once the serve under way is done ({@link #serveSoon}): once each, however often asked. */
    private final Set<UUID> servingAgain = ConcurrentHashMap.newKeySet();

    Serving(EntryRepository entries, Reservation reservation, ShowLocks locks, TransactionOperations transactions,
            ApplicationEventPublisher events, Clock clock, LineMetrics metrics, JobLeases leases,
            @Value("${ticketing.waiting.line-sync-interval:PT2S}") Duration syncInterval,
            @Value("${ticketing.waiting.serve-interval:PT30S}") Duration serveInterval) {
        this.entries = entries;
        this.reservation = reservation;
        this.locks = locks;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
        this.syncing = leases.lease("waiting-line-sync", syncInterval);
        this.servingAll = leases.lease("waiting-line-serving", serveInterval);
    }

    /** Offers the show's kept seats down its line, and lets go of what nobody in it can use. */
    public void serve(UUID showId) {
        serve(showId, null);
    }

    /**
     * Serves the line now unless it is being served (by another instance, or for another request); then it is served
     * again once that serve is done, on a thread of its own. For a customer's request, which must not wait for another
     * serve (several calls to reservation-service: seconds when it is slow), nor be left out of it: the serve under way
     * may have read the line before the entry joined, and end without offering it the seats still kept.
     */
    public void serveSoon(UUID showId) {
        if (!entries.anyFor(showId) || locks.ifFree(showId, () -> serveLocked(showId, null))) {
            return;
        }
        if (servingAgain.add(showId)) {
            Thread.ofVirtual().name("serve-again").start(() -> {
                servingAgain.remove(showId); // a change from now on needs a serve after this one
                try {
                    serve(showId);
                }
                catch (RuntimeException ex) {
                    log.warn("Could not serve the line of show {} again; the line sync or the next round will", showId,
                            ex);
                }
            });
        }
    }

    /**
     * Serves the line because seats came free at {@code freedAt} (the time of the event that told of them): the offers
     * this serve makes are timed from then ({@code ticketing.waiting.offer.latency}).
     */
    public void serve(UUID showId, Instant freedAt) {
        if (!entries.anyFor(showId)) {
            return; // nobody ever waited for this show: nothing is kept for its line
        }
        locks.whileLocked(showId, () -> serveLocked(showId, freedAt));
    }

    private void serveLocked(UUID showId, Instant freedAt) {
        syncLine(showId);
        var counts = reservation.counts(showId).orElse(null);
        if (counts == null) {
            return;
        }
        while (counts.kept() > 0 && offerRound(showId, counts.kept(), freedAt)) {
            counts = reservation.counts(showId).orElseThrow();
        }
        counts = reservation.counts(showId).orElseThrow();
        entries.endUnservable(showId, counts.available() + counts.kept() + counts.held(), clock.instant());
        boolean someoneCouldUse = entries.anyWaitingFor(showId, counts.kept() + counts.held());
        syncLine(showId);
        if (counts.kept() > 0 && !someoneCouldUse) {
            reservation.releaseKept(showId);
        }
    }

    /**
     * Offers the {@code kept} seats down the line in one call to reservation-service: to each waiter, in arrival
     * order, whose request fits in what the waiters before them leave. Whether another round may serve more: a waiter
     * was refused (their seats are still kept), or the round had as many waiters as one round takes.
     */
    private boolean offerRound(UUID showId, int kept, Instant freedAt) {
        List<Entry> round = new ArrayList<>();
        for (Entry waiting : entries.waiting(showId)) {
            if (waiting.seatCount() <= kept) {
                round.add(waiting);
                kept -= waiting.seatCount();
                if (round.size() == ROUND) {
                    break;
                }
            }
        }
        if (round.isEmpty()) {
            return false;
        }
        List<Reservation.Outcome> outcomes = reservation.offer(showId, round);
        if (outcomes.isEmpty()) {
            return false;
        }
        record(showId, round, outcomes, freedAt);
        var last = outcomes.getLast().outcome();
        if (last == Reservation.Outcome.Kind.FAILED) {
            throw new IllegalStateException("reservation-service offered seats to " + (outcomes.size() - 1)
                    + " waiters of show " + showId + ", then failed");
        }
        return last != Reservation.Outcome.Kind.NOT_ENOUGH_KEPT && (round.size() == ROUND
                || outcomes.stream().anyMatch(outcome -> outcome.outcome() == Reservation.Outcome.Kind.REFUSED));
    }

    /**
     * Records the round's offers and announces them ({@link WaitlistOffered}, outbox) at once, in one transaction of
     * their own, with the waiters refused as UNSERVABLE (their holds and bookings of the show already fill their
     * limit): a later step of the serve failing cannot take them back while their holds live on. Holds that cannot be
     * recorded — the database failed, or their waiter left while they were made — are withdrawn, so that no hold
     * outlives its serve without its waiter being told. (Under the show's lock nobody else offers to these entries, so
     * an entry that no longer waits has no other offer such a hold could be.) Offers are counted by what became of
     * them ({@link LineMetrics}) once this is settled.
     */
    private void record(UUID showId, List<Entry> round, List<Reservation.Outcome> outcomes, Instant freedAt) {
        Map<UUID, Entry> waiters = round.stream().collect(Collectors.toMap(Entry::entryId, Function.identity()));
        List<Reservation.Outcome> offered = outcomes.stream()
                .filter(outcome -> outcome.outcome() == Reservation.Outcome.Kind.OFFERED).toList();
        List<Reservation.Outcome> unrecorded;
        try {
            unrecorded = transactions.execute(tx -> {
                List<Reservation.Outcome> noLongerWaiting = new ArrayList<>();
                Instant now = clock.instant();
                for (var outcome : outcomes) {
                    Entry waiting = waiters.get(outcome.entryId());
                    switch (outcome.outcome()) {
                        case OFFERED -> {
                            var offer = outcome.hold();
                            if (entries.offered(waiting.entryId(), new Entry.Offer(offer.holdId(), offer.seatIds(),
                                    offer.expiresAt()), now)) {
                                events.publishEvent(new WaitlistOffered(UUID.randomUUID(), now, waiting.entryId(),
                                        waiting.showId(), waiting.customerId(), offer.holdId(), offer.seatIds(),
                                        offer.expiresAt(), waiting.customerEmail()));
                            }
                            else {
                                noLongerWaiting.add(outcome);
                            }
                        }
                        case REFUSED -> entries.end(waiting.entryId(), Entry.Status.UNSERVABLE, now);
                        case NOT_ENOUGH_KEPT, FAILED -> {
                        }
                    }
                }
                return noLongerWaiting;
            });
        }
        catch (RuntimeException ex) {
            offered.forEach(outcome -> withdraw(showId, outcome, ex));
            metrics.served(0, offered.size(), 0, null, null);
            throw ex;
        }
        unrecorded.forEach(outcome -> withdraw(showId, outcome, null));
        int refused = (int) outcomes.stream().filter(outcome -> outcome.outcome() == Reservation.Outcome.Kind.REFUSED)
                .count();
        metrics.served(offered.size() - unrecorded.size(), unrecorded.size(), refused, freedAt, clock.instant());
    }

    /** A hold that cannot be withdrawn now ends with its lease; its seats then come back to the line. */
    private void withdraw(UUID showId, Reservation.Outcome offered, RuntimeException failure) {
        try {
            reservation.withdraw(showId, offered.hold().holdId());
        }
        catch (RuntimeException ex) {
            log.warn("Could not withdraw hold {} made for waiting entry {}; it ends with its lease",
                    offered.hold().holdId(), offered.entryId(), ex);
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
        if (!syncing.held()) {
            return;
        }
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
        if (!servingAll.held()) {
            return;
        }
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
     * (the marks are conditional) and leaves on the next sync. The show's changes go in one call.
     */
    private void syncLine(UUID showId) {
        var changes = entries.lineChanges(showId, LINE_BATCH);
        if (changes.isEmpty()) {
            return;
        }
        reservation.line(showId,
                changes.stream().filter(EntryRepository.LineChange::entering).map(EntryRepository.LineChange::entryId)
                        .toList(),
                changes.stream().filter(change -> !change.entering()).map(EntryRepository.LineChange::entryId)
                        .toList());
        entries.lineChanged(changes);
    }
}
