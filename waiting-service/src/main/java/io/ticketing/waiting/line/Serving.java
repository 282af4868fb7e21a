package io.ticketing.waiting.line;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.events.waiting.WaitlistOffered;

/**
 * Serves a show's line whenever seats may have come free for it (a hold released or expired, a booking
 * cancelled, someone joined or left). reservation-service keeps freed seats for the line while it has entries;
 * here they are offered, in arrival order, to each waiter whose request fits — nobody is served before an
 * earlier waiter whose request fits too — and {@link WaitlistOffered} tells the waiter (through the outbox). Entries that can no longer be met (free, kept and held seats together
 * are fewer than asked) become UNSERVABLE; kept seats that no remaining waiter could ever use go back on sale.
 * One show is served by one instance at a time (a PostgreSQL advisory lock per show), so each release is
 * served once however many instances run.
 */
@Service
public class Serving {

    private static final Logger log = LoggerFactory.getLogger(Serving.class);
    private static final int LINE_BATCH = 500;

    private final Entries entries;
    private final Reservation reservation;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Serving(Entries entries, Reservation reservation, JdbcClient jdbc, TransactionOperations transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.entries = entries;
        this.reservation = reservation;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Offers the show's kept seats down its line, and lets go of what nobody in it can use. */
    public void serve(UUID showId) {
        if (!entries.anyFor(showId)) {
            return; // nobody ever waited for this show: nothing is kept for its line
        }
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)")
                    .param(showId.getMostSignificantBits() ^ showId.getLeastSignificantBits()).query(Integer.class).single();
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
                    if (entries.offered(waiting.entryId(), new Entry.Offer(offer.get().holdId(), offer.get().seatIds(),
                            offer.get().expiresAt()), clock.instant())) {
                        events.publishEvent(new WaitlistOffered(UUID.randomUUID(), clock.instant(), waiting.entryId(),
                                showId, waiting.customerId(), offer.get().holdId(), offer.get().seatIds(),
                                offer.get().expiresAt(), waiting.customerEmail()));
                    }
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
        });
    }

    /** Entries that ended meanwhile leave reservation-service's line; those that could not enter try again. */
    @Scheduled(fixedDelayString = "${ticketing.waiting.line-sync-interval:PT2S}")
    void syncLines() {
        for (var change : entries.lineChanges(null, LINE_BATCH)) {
            try {
                apply(change);
            }
            catch (RuntimeException ex) {
                log.warn("Could not tell reservation-service of waiting entry {} of show {}; trying again",
                        change.entryId(), change.showId(), ex);
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

    private void syncLine(UUID showId) {
        entries.lineChanges(showId, LINE_BATCH).forEach(this::apply);
    }

    private void apply(Entries.LineChange change) {
        reservation.line(change.showId(), change.entryId(), change.entering());
        entries.lineChanged(change);
    }
}
