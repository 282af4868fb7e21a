package io.ticketing.reservation.hold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.events.payment.PaymentFailed;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.events.reservation.HoldExpired;
import io.ticketing.events.reservation.HoldReleased;
import io.ticketing.reservation.seating.SeatScripts;
import io.ticketing.reservation.seating.SeatScripts.HoldOutcome;
import io.ticketing.reservation.seating.SeatState;
import io.ticketing.reservation.seating.SeatStateRecovery;
import io.ticketing.reservation.seating.SeatingPlan;
import io.ticketing.reservation.seating.SeatingPlans;
import io.ticketing.starter.Ownership;
import io.ticketing.starter.RequestRejectedException;

/**
 * Takes, reads, releases and expires holds. Redis decides who gets a seat, in one atomic script per hold;
 * PostgreSQL keeps the record and, in the same transaction, the event for the other services (outbox). If
 * that transaction fails, the seats are freed again, so Redis never holds seats nobody knows of.
 */
@Service
public class Holds {

    /** How long a retried request waits for the original's record (the two raced). */
    private static final Duration IDEMPOTENT_WAIT = Duration.ofSeconds(2);
    /**
     * How long after a request starts, by Redis's clock, its hold script may still take seats: beyond that the request
     * may have given up (Redisson's time limit is 3 s), and a late run takes nothing.
     */
    private static final Duration ATTEMPT_WINDOW = Duration.ofSeconds(5);
    /** The reason of a refund for a second payment of a hold whose first payment became its booking. */
    private static final String ALREADY_PAID = "ALREADY_PAID";

    private final SeatScripts scripts;
    private final HoldRepository records;
    private final SeatingPlans plans;
    private final SeatStateRecovery recovery;
    private final HoldProperties properties;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AbandonedAttempts abandoned;
    private final HoldLedger ledger;
    private final HoldMetrics metrics;

    Holds(SeatScripts scripts, HoldRepository records, SeatingPlans plans, SeatStateRecovery recovery,
            HoldProperties properties, TransactionOperations transactions, ApplicationEventPublisher events,
            Clock clock, AbandonedAttempts abandoned, HoldLedger ledger, HoldMetrics metrics) {
        this.scripts = scripts;
        this.records = records;
        this.plans = plans;
        this.recovery = recovery;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.abandoned = abandoned;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /**
     * Holds all the seats or none. Failures tell the customer what to do next: {@code SHOW_FULL} (nothing
     * left), {@code SEATS_HELD} (others hold some of them: wait), {@code SEATS_UNAVAILABLE} (some are sold:
     * pick others). Each request is counted by its outcome and timed ({@link HoldMetrics}).
     */
    public Hold place(UUID showId, UUID customerId, List<String> seatIds, Optional<String> idempotencyKey) {
        long start = System.nanoTime();
        try {
            Taken taken = placeOrRefuse(showId, customerId, seatIds, idempotencyKey);
            if (taken.replayed()) {
                metrics.replayed(start);
            }
            else {
                metrics.taken(start);
            }
            return taken.hold();
        }
        catch (RuntimeException ex) {
            metrics.rejected(ex, start);
            throw ex;
        }
    }

    private Taken placeOrRefuse(UUID showId, UUID customerId, List<String> seatIds, Optional<String> idempotencyKey) {
        if (seatIds.size() > properties.maxSeatsPerHold()) {
            throw RequestRejectedException.unprocessable("TOO_MANY_SEATS",
                    "A hold has at most " + properties.maxSeatsPerHold() + " seats");
        }
        Set<String> distinct = new HashSet<>(seatIds);
        if (seatIds.isEmpty() || distinct.size() != seatIds.size()) {
            throw RequestRejectedException.unprocessable("INVALID_SEATS", "Name each seat once");
        }
        SeatingPlan plan = plans.plan(showId).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "Show " + showId + " is not on sale"));
        List<String> unknown = seatIds.stream().filter(seat -> !plan.seatTypes().containsKey(seat)).toList();
        if (!unknown.isEmpty()) {
            throw RequestRejectedException.unprocessable("INVALID_SEATS", "The show has no seats " + unknown);
        }
        if (!plan.onSale(clock.instant())) {
            throw RequestRejectedException.conflict("SALES_CLOSED", "Seats of this show are not on sale now");
        }
        return take(plan, customerId, seatIds, idempotencyKey, SeatState.AVAILABLE, Optional.empty());
    }

    /**
     * Takes seats that have the status {@code from} into a hold for the customer (free seats, or seats kept for
     * the waiting line when offered to a waiter), and records it. The hold ends {@code hold-ttl} from now by Redis's
     * clock, which every instance judges leases by.
     */
    Hold take(SeatingPlan plan, UUID customerId, List<String> seatIds, Optional<String> idempotencyKey,
            SeatState from) {
        return take(plan, customerId, seatIds, idempotencyKey, from, Optional.empty()).hold();
    }

    /** A hold a request got: taken for it, or {@code replayed}, the one an earlier request with its key took. */
    private record Taken(Hold hold, boolean replayed) {
    }

    private Taken take(SeatingPlan plan, UUID customerId, List<String> seatIds, Optional<String> idempotencyKey,
            SeatState from, Optional<UUID> staleHold) {
        UUID showId = plan.showId();
        UUID holdId = UUID.randomUUID();
        var outcome = attempt(showId, holdId, customerId, seatIds, idempotencyKey, from, staleHold);
        if (outcome instanceof HoldOutcome.NoShow) {
            recovery.recover(showId);
            outcome = attempt(showId, holdId, customerId, seatIds, idempotencyKey, from, staleHold);
        }
        return switch (outcome) {
            case HoldOutcome.Held held -> new Taken(record(new Hold(holdId, showId, customerId, seatIds,
                    Hold.Status.HELD, held.expiresAt(), held.fencingToken(), plan.amount(seatIds),
                    plan.price(seatIds.getFirst()).currency(), null), idempotencyKey), false);
            case HoldOutcome.Existing existing -> earlier(plan, existing.holdId(), customerId, seatIds,
                    idempotencyKey.orElseThrow(), from);
            case HoldOutcome.Refused refused -> throw refusal(refused);
            case HoldOutcome.Late late -> throw RequestRejectedException.unavailable("REDIS_UNAVAILABLE",
                    "The seat store was too slow to take the seats; nothing was held, try again");
            case HoldOutcome.NoShow noShow -> throw new IllegalStateException("The seat map of show " + showId
                    + " is still missing in Redis");
        };
    }

    private RequestRejectedException refusal(HoldOutcome.Refused refused) {
        return switch (refused.refusal()) {
            case SHOW_FULL -> RequestRejectedException.conflict("SHOW_FULL", "Every seat of the show is sold");
            case SEATS_UNAVAILABLE -> RequestRejectedException.conflict("SEATS_UNAVAILABLE",
                    "Some of these seats are sold; others are still free");
            case SEATS_HELD -> RequestRejectedException.conflict("SEATS_HELD",
                    "Some of these seats are held by others; join the waiting list to get them if they are freed");
            case TOO_MANY_SEATS -> RequestRejectedException.unprocessable("TOO_MANY_SEATS",
                    "You hold " + refused.detail() + " seats of this show; at most " + properties.maxSeatsPerCustomer()
                            + " per customer");
            case INVALID_SEATS -> RequestRejectedException.unprocessable("INVALID_SEATS",
                    "The show has no seat " + refused.detail());
        };
    }

    /**
     * One run of the hold script, which takes nothing if Redis runs it later than {@link #ATTEMPT_WINDOW} from now.
     * If Redis does not answer, the attempt's hold is freed once that moment has passed ({@link AbandonedAttempts}):
     * the request is answered 503, and whatever Redis takes for it later is let go.
     */
    private HoldOutcome attempt(UUID showId, UUID holdId, UUID customerId, List<String> seatIds,
            Optional<String> idempotencyKey, SeatState from, Optional<UUID> staleHold) {
        Instant notAfter = scripts.estimatedTime().plus(ATTEMPT_WINDOW);
        try {
            return scripts.hold(showId, holdId, customerId, seatIds, properties.holdTtl(), properties.holdGrace(),
                    properties.maxSeatsPerCustomer(), idempotencyKey, from, staleHold, notAfter);
        }
        catch (RuntimeException unanswered) {
            abandoned.free(showId, holdId, customerId, idempotencyKey, notAfter,
                    properties.holdTtl().plus(properties.holdGrace()));
            throw unanswered;
        }
    }

    public Optional<Hold> find(UUID holdId) {
        return records.find(holdId);
    }

    /** A hold of the customer; someone else's hold is answered as missing. */
    public Hold hold(UUID holdId, UUID customerId) {
        return Ownership.ownedBy(customerId, records.find(holdId), Hold::customerId, "HOLD_NOT_FOUND",
                "Hold " + holdId);
    }

    /** The customer's active holds of a show, for marking their seats in the seat map. */
    public Set<UUID> activeHolds(UUID showId, UUID customerId) {
        return Set.copyOf(records.active(showId, customerId));
    }

    /** Lets go of a hold; releasing one that has ended already changes nothing. */
    public void release(UUID holdId, UUID customerId) {
        Hold hold = hold(holdId, customerId);
        if (hold.holding()) {
            end(hold, Hold.Status.RELEASED);
        }
    }

    /** Frees a hold whose lease ran out; called by the sweeper, safe to call for a hold already freed. */
    void expire(UUID showId, UUID holdId) {
        records.find(holdId).filter(Hold::holding)
                .ifPresentOrElse(hold -> end(hold, Hold.Status.EXPIRED), () -> scripts.free(showId, holdId));
    }

    /**
     * Records the end and frees the seats before the event leaves: whoever acts on {@code HoldReleased} or
     * {@code HoldExpired} (waiting-service serving the line) finds the seats free or kept. If freeing fails, nothing
     * is recorded and the caller (or the sweeper) tries again; if the commit fails after freeing, the record stays
     * held with no lease, which the PostgreSQL sweeper ends. Of a release and an expiry racing, only the one that
     * ends the record publishes.
     */
    private void end(Hold hold, Hold.Status status) {
        boolean ended = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!records.end(hold.holdId(), status, clock.instant())) {
                return false;
            }
            metrics.ended(status);
            freeEnding(hold);
            events.publishEvent(status == Hold.Status.EXPIRED
                    ? new HoldExpired(UUID.randomUUID(), clock.instant(), hold.holdId(), hold.showId(),
                            hold.customerId(), hold.seatIds(), hold.fencingToken())
                    : new HoldReleased(UUID.randomUUID(), clock.instant(), hold.holdId(), hold.showId(),
                            hold.customerId(), hold.seatIds(), hold.fencingToken()));
            return true;
        }));
        if (!ended) {
            scripts.free(hold.showId(), hold.holdId()); // ended meanwhile: make sure the seats are free all the same
        }
    }

    /**
     * Frees the seats of a hold whose end is being recorded. When Redis has lost the show, a rebuild may be under way
     * that read the hold as held before this end commits and writes it back after it: the seats would stay taken by
     * an ended hold until its lease ran out. So the rebuild is waited for (or made here, where the end is read), and
     * the hold freed again.
     */
    private void freeEnding(Hold hold) {
        if (scripts.free(hold.showId(), hold.holdId()) instanceof SeatScripts.FreeOutcome.NoShow
                && plans.plan(hold.showId()).isPresent()) {
            recovery.recover(hold.showId());
            scripts.free(hold.showId(), hold.holdId());
        }
    }

    /**
     * payment-service started a payment for the hold: {@code PAYMENT_PENDING}, seats held until {@code expiresAt} as
     * before (a payment that succeeds later is a late payment). {@code HOLD_NOT_ACTIVE} once the hold has ended.
     */
    public Hold paymentPending(UUID holdId) {
        Hold hold = records.find(holdId).orElseThrow(() -> RequestRejectedException.notFound("HOLD_NOT_FOUND",
                "Hold " + holdId + " does not exist"));
        if (hold.status() == Hold.Status.HELD && !scripts.time().isBefore(hold.expiresAt())) {
            throw RequestRejectedException.conflict("HOLD_NOT_ACTIVE", "The hold's time is up");
        }
        if (!records.move(holdId, Hold.Status.HELD, Hold.Status.PAYMENT_PENDING)
                && records.find(holdId).orElseThrow().status() != Hold.Status.PAYMENT_PENDING) {
            throw RequestRejectedException.conflict("HOLD_NOT_ACTIVE", "The hold has ended: " + hold.status());
        }
        return records.find(holdId).orElseThrow();
    }

    /**
     * The payment failed: nothing is freed, the hold runs on until its end and may be paid again. Only a hold whose
     * payment is pending goes back to {@code HELD}: a failure arriving after the hold's confirmation (or any other
     * end) changes nothing.
     */
    public void paymentFailed(PaymentFailed failed) {
        records.move(failed.holdId(), Hold.Status.PAYMENT_PENDING, Hold.Status.HELD);
    }

    /**
     * A payment for the hold was refunded without becoming a booking (it came too late, or was one too many): the
     * hold is {@code REFUNDED}, and a hold that still held seats lets them go. A refund never undoes a confirmation:
     * a refund of a cancelled booking leaves its {@code CONFIRMED} hold as it is, and one of a second payment
     * ({@code ALREADY_PAID}: another payment of the same hold is its booking) changes nothing at all, as it may
     * arrive before that booking's {@code BookingConfirmed} (another topic) and must not free its seats.
     */
    public void refunded(PaymentRefunded refund) {
        if (refund.bookingId() != null || refund.holdId() == null || ALREADY_PAID.equals(refund.reason())) {
            return;
        }
        records.find(refund.holdId()).ifPresent(hold -> {
            if (hold.holding()) {
                end(hold, Hold.Status.REFUNDED);
            }
            else if (hold.status() != Hold.Status.CONFIRMED) {
                records.move(hold.holdId(), hold.status(), Hold.Status.REFUNDED);
            }
        });
    }

    /**
     * Records a hold Redis gave, with its {@code SeatsHeld} ({@link HoldLedger}). If that fails, the seats are freed
     * again and the idempotency key that names the hold goes with them, in one step: a retry with the key takes a hold.
     */
    private Hold record(Hold hold, Optional<String> idempotencyKey) {
        try {
            ledger.record(hold);
            return hold;
        }
        catch (RuntimeException ex) {
            idempotencyKey.ifPresentOrElse(key -> scripts.discard(hold.showId(), hold.holdId(), hold.customerId(), key),
                    () -> scripts.free(hold.showId(), hold.holdId()));
            throw ex;
        }
    }

    /**
     * The hold an earlier request with the same idempotency key took. It may still be being recorded: the retry
     * waits a little for it, then is told to ask again ({@link HoldInProgress}). If Redis no longer has it and
     * PostgreSQL never had it, the earlier attempt failed without letting go of the key: this request takes the
     * seats afresh, taking the key over.
     */
    private Taken earlier(SeatingPlan plan, UUID holdId, UUID customerId, List<String> seatIds, String idempotencyKey,
            SeatState from) {
        Instant deadline = clock.instant().plus(IDEMPOTENT_WAIT);
        while (true) {
            var found = records.find(holdId);
            if (found.isEmpty() && !scripts.holding(plan.showId(), holdId)) {
                // freed or sold in Redis: read again, as it may have been recorded and ended meanwhile
                found = records.find(holdId);
                if (found.isEmpty()) {
                    return take(plan, customerId, seatIds, Optional.of(idempotencyKey), from, Optional.of(holdId));
                }
            }
            if (found.isPresent()) {
                return new Taken(Ownership.ownedBy(customerId, found, Hold::customerId, "HOLD_NOT_FOUND",
                        "Hold " + holdId), true);
            }
            if (clock.instant().isAfter(deadline)) {
                throw new HoldInProgress(holdId);
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }
}
