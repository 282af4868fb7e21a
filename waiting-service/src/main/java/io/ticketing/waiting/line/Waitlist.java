package io.ticketing.waiting.line;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.ticketing.starter.Ownership;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.jobs.JobLease;
import io.ticketing.starter.jobs.JobLeases;

/**
 * Joining, watching and leaving a show's waiting line. A customer may wait when fewer seats are free than
 * asked but free and held seats together would be enough: waiting helps only if holds can end. The line's
 * order is the order of joining, kept by PostgreSQL, so a restart loses no place.
 */
@Service
public class Waitlist {

    /** How long a changed position waits for more changes before it is answered, near the front of the line. */
    private static final Duration POSITION_SETTLE = Duration.ofMillis(300);
    /** Places in line per step of {@link #POSITION_SETTLE} a changed position waits, up to {@link #SLOWEST_SETTLE}. */
    private static final int PLACES_PER_STEP = 20;
    private static final int SLOWEST_SETTLE = 16;

    private final EntryRepository entries;
    private final Reservation seats;
    private final Serving serving;
    private final LineSignals signals;
    private final WaitingProperties properties;
    private final Clock clock;
    private final JobLease expiry;

    Waitlist(EntryRepository entries, Reservation seats, Serving serving, LineSignals signals,
            WaitingProperties properties, Clock clock, JobLeases leases,
            @Value("${ticketing.waiting.expiry-sweep-interval:PT1S}") Duration expiryInterval) {
        this.entries = entries;
        this.seats = seats;
        this.serving = serving;
        this.signals = signals;
        this.properties = properties;
        this.clock = clock;
        this.expiry = leases.lease("waitlist-expiry", expiryInterval);
    }

    /**
     * Puts the customer in the show's line for {@code seatCount} seats (told of an offer at {@code customerEmail}
     * when not null): {@code SEATS_AVAILABLE} when enough are
     * free to hold them now, {@code SHOW_FULL} when even every held seat coming free would not be enough.
     */
    public Entry join(UUID showId, UUID customerId, String customerEmail, int seatCount) {
        if (seatCount < 1 || seatCount > properties.maxSeats()) {
            throw RequestRejectedException.unprocessable("INVALID_SEAT_COUNT",
                    "Wait for 1 to " + properties.maxSeats() + " seats");
        }
        var counts = seats.counts(showId).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "Show " + showId + " is not on sale"));
        if (counts.available() >= seatCount) {
            throw RequestRejectedException.conflict("SEATS_AVAILABLE",
                    counts.available() + " seats are free: hold them instead of waiting");
        }
        if (counts.available() + counts.held() + counts.kept() < seatCount) {
            throw RequestRejectedException.conflict("SHOW_FULL",
                    "Not enough seats are free or held for waiting to help");
        }
        UUID entryId = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            entries.insert(entryId, showId, customerId, customerEmail, seatCount, now, now.plus(properties.maxWait()));
        }
        catch (DuplicateKeyException ex) {
            throw RequestRejectedException.conflict("ALREADY_WAITING", "You are in this show's line already");
        }
        // enters reservation-service's line, and offers seats kept for the line already if the request fits
        serveQuietly(showId);
        return entries.find(entryId).orElseThrow();
    }

    /**
     * The customer's entry; with {@code waitFor} above zero, answered as soon as its status changes, within
     * {@link #positionSettle(int)} of its position changing (so that a burst of changes ahead is one answer, not one
     * each), or when that time has passed (long polling). The entry is read only when there is something to
     * answer: what changed in the line comes from {@link LineSignals}. An entry that no longer waits is answered at
     * once: its offer (or end) may have come just before this poll, and nothing more is to be waited for.
     */
    public Entry entry(UUID entryId, UUID customerId, Duration waitFor) {
        Entry seen = owned(entryId, customerId);
        Instant deadline = clock.instant()
                .plus(waitFor.compareTo(properties.maxPoll()) > 0 ? properties.maxPoll() : waitFor);
        if (seen.status() != Entry.Status.WAITING || !clock.instant().isBefore(deadline)) {
            return seen;
        }
        try (var watch = signals.watch(seen)) {
            Entry now = owned(entryId, customerId); // what changed before the watch began
            if (now.status() != seen.status() || now.position() != seen.position()) {
                return now;
            }
            Instant answerAt = deadline;
            for (Duration left = Duration.between(clock.instant(), answerAt); left.isPositive();
                    left = Duration.between(clock.instant(), answerAt)) {
                var news = watch.await(left);
                boolean moved = news.aheadLeft() > 0;
                if (news.ownStatus() || news.readAgain()) {
                    now = owned(entryId, customerId);
                    if (now.status() != seen.status()) {
                        return now;
                    }
                    moved |= now.position() != seen.position();
                }
                if (moved && answerAt.equals(deadline)) {
                    Instant settled = clock.instant().plus(positionSettle(seen.position()));
                    answerAt = settled.isBefore(deadline) ? settled : deadline;
                }
            }
            return owned(entryId, customerId);
        }
    }

    /**
     * How long a waiter at {@code position} whose place moved waits for more moves before being told: 300 ms for the
     * first 39 places, 300 ms more for every 20 places further back, 4.8 s at most. Every offer moves everyone behind
     * it; told at once, a line of hundreds would be hundreds of answers per offer, each costing the gateway and this
     * service a request, while a place far back matters less by the second.
     */
    static Duration positionSettle(int position) {
        return POSITION_SETTLE.multipliedBy(Math.clamp(position / PLACES_PER_STEP, 1, SLOWEST_SETTLE));
    }

    /** Leaves the line; leaving twice changes nothing. */
    public void cancel(UUID entryId, UUID customerId) {
        Entry entry = owned(entryId, customerId);
        if (entries.end(entryId, Entry.Status.CANCELLED, clock.instant())) {
            serveQuietly(entry.showId());
        }
    }

    /** Entries that waited {@code ticketing.waiting.max-wait} end as EXPIRED, by the holder of the job's lease. */
    @Scheduled(fixedDelayString = "${ticketing.waiting.expiry-sweep-interval:PT1S}")
    void expire() {
        if (expiry.held()) {
            entries.expire(clock.instant()).forEach(this::serveQuietly);
        }
    }

    /**
     * The line changed: it is served now, or, when another serve of the show is under way, right after it without
     * waiting for it here ({@link Serving#serveSoon}). If serving fails, the line sync serves the show again once
     * reservation-service has the entry's enter or leave, and every show with waiters is served every
     * {@code serve-interval} anyway.
     */
    private void serveQuietly(UUID showId) {
        try {
            serving.serveSoon(showId);
        }
        catch (RuntimeException ex) {
            LoggerFactory.getLogger(Waitlist.class).warn("Could not serve the line of show {} now", showId, ex);
        }
    }

    private Entry owned(UUID entryId, UUID customerId) {
        return Ownership.ownedBy(customerId, entries.find(entryId), Entry::customerId, "WAITLIST_ENTRY_NOT_FOUND",
                "Waiting-list entry " + entryId);
    }
}
