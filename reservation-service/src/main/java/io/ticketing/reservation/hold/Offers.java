package io.ticketing.reservation.hold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.reservation.seating.SeatScripts;
import io.ticketing.reservation.seating.SeatState;
import io.ticketing.reservation.seating.SeatingPlan;
import io.ticketing.reservation.seating.SeatingPlans;
import io.ticketing.starter.RequestRejectedException;

/**
 * Seats kept for a show's waiting line, offered to waiters: waiting-service names the waiter and how many seats,
 * this takes that many kept seats — side by side in one row where possible — into a regular hold for them.
 * While a show's line has entries, freed seats are kept for it instead of going back on sale.
 */
@Service
public class Offers {

    /** Kept seats may change between reading and taking them (another offer, a sale): read again this often. */
    private static final int ATTEMPTS = 3;
    private static final String NOT_ENOUGH_KEPT = "NOT_ENOUGH_KEPT";
    private static final Logger log = LoggerFactory.getLogger(Offers.class);

    private final Holds holds;
    private final LineEntryRepository line;
    private final SeatScripts scripts;
    private final SeatingPlans plans;
    private final TransactionOperations transactions;

    Offers(Holds holds, LineEntryRepository line, SeatScripts scripts, SeatingPlans plans,
            TransactionOperations transactions) {
        this.holds = holds;
        this.line = line;
        this.scripts = scripts;
        this.plans = plans;
        this.transactions = transactions;
    }

    /**
     * Waiters joined the show's line ({@code entered}) or left it ({@code left}: offered seats, or gone), as
     * waiting-service passes them on, in one step; an entry in both has left. An entry joins PostgreSQL first, so that
     * a seat map rebuilt after Redis lost it has the line, then Redis, where the seat scripts read it; an entry that
     * left already stays out. When nobody is left in the line, every seat kept for it goes back on sale in the same
     * step: waiting-service may tell of a leave long after the waiter left (this service was down then), and nothing
     * else has to follow for the seats to be sold again.
     */
    public void line(UUID showId, Collection<UUID> entered, Collection<UUID> left) {
        transactions.executeWithoutResult(tx -> {
            for (UUID entryId : entered) {
                if (line.enter(showId, entryId)) {
                    scripts.line(showId, entryId, true);
                }
            }
            for (UUID entryId : left) {
                line.leave(showId, entryId);
                scripts.leave(showId, entryId);
            }
        });
    }

    /** A waiter to offer kept seats to: their entry, who they are, how many seats they wait for. */
    public record Waiter(UUID entryId, UUID customerId, int seatCount) {
    }

    /**
     * What became of one waiter's offer: {@code OFFERED} with its hold; {@code REFUSED} with the {@code code} of a
     * waiter who may not hold that many more seats (the next waiter is offered); {@code NOT_ENOUGH_KEPT} and
     * {@code FAILED} end the round, so nobody further down the line is offered seats before this waiter.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(UUID entryId, Kind outcome, Hold hold, String code) {

        public enum Kind {
            OFFERED, REFUSED, NOT_ENOUGH_KEPT, FAILED
        }
    }

    /**
     * Offers kept seats to the waiters, in the order given (the line's): each gets {@code seatCount} kept seats in a
     * hold, side by side in one row where possible, and the same entry offered twice gets the same hold. One round of
     * a serve, whatever its size: the show's seats are read once, and the round answers what it did, up to the first
     * waiter it could not serve. A failure before any offer was made is thrown; after, the offers made are answered
     * with the failure last, so that none of their holds goes unrecorded by waiting-service.
     */
    public List<Outcome> offer(UUID showId, List<Waiter> waiters) {
        SeatingPlan plan = plans.plan(showId).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "Show " + showId + " is not on sale"));
        Map<String, String> statuses = new HashMap<>(plans.liveStatuses(showId));
        List<Outcome> outcomes = new ArrayList<>();
        for (Waiter waiter : waiters) {
            try {
                outcomes.add(new Outcome(waiter.entryId(), Outcome.Kind.OFFERED, offer(plan, statuses, waiter), null));
            }
            catch (RequestRejectedException ex) {
                if (ex.reason() == RequestRejectedException.Reason.UNPROCESSABLE) {
                    outcomes.add(new Outcome(waiter.entryId(), Outcome.Kind.REFUSED, null, ex.code()));
                    continue;
                }
                if (ex.code().equals(NOT_ENOUGH_KEPT)) {
                    outcomes.add(new Outcome(waiter.entryId(), Outcome.Kind.NOT_ENOUGH_KEPT, null, null));
                    return outcomes;
                }
                return failed(outcomes, waiter, ex);
            }
            catch (RuntimeException ex) {
                return failed(outcomes, waiter, ex);
            }
        }
        return outcomes;
    }

    private static List<Outcome> failed(List<Outcome> outcomes, Waiter waiter, RuntimeException failure) {
        if (outcomes.stream().noneMatch(outcome -> outcome.outcome() == Outcome.Kind.OFFERED)) {
            throw failure;
        }
        log.warn("Could not offer seats to waiting entry {}; answering the offers made before it", waiter.entryId(),
                failure);
        outcomes.add(new Outcome(waiter.entryId(), Outcome.Kind.FAILED, null, null));
        return outcomes;
    }

    /**
     * A hold of kept seats for the waiter, picked from {@code statuses} (the show's seats as this round knows them,
     * updated with the seats it takes).
     */
    private Hold offer(SeatingPlan plan, Map<String, String> statuses, Waiter waiter) {
        UUID showId = plan.showId();
        String idempotencyKey = "offer-" + waiter.entryId();
        var earlier = scripts.earlierHold(showId, waiter.customerId(), idempotencyKey).flatMap(holds::find)
                .filter(hold -> hold.customerId().equals(waiter.customerId()));
        if (earlier.isPresent()) {
            if (earlier.get().holding()) {
                return earlier.get();
            }
            // the earlier offer was withdrawn: the waiter, still waiting, gets a new one
            scripts.forgetIdempotencyKey(showId, waiter.customerId(), idempotencyKey);
        }
        // (a key naming a hold not recorded yet, or never, is the hold's own business: see Holds)
        for (int attempt = 1;; attempt++) {
            List<String> seats = pick(plan, statuses, waiter.seatCount())
                    .orElseThrow(() -> RequestRejectedException.conflict(NOT_ENOUGH_KEPT,
                            "Fewer than " + waiter.seatCount() + " seats are kept for the line"));
            try {
                Hold hold = holds.take(plan, waiter.customerId(), seats, Optional.of(idempotencyKey), SeatState.KEPT);
                hold.seatIds().forEach(seat -> statuses.put(seat, SeatState.heldBy(hold.holdId())));
                return hold;
            }
            catch (RequestRejectedException ex) {
                if (!ex.code().equals("SEATS_HELD") || attempt == ATTEMPTS) {
                    throw ex;
                }
                statuses.clear();
                statuses.putAll(plans.liveStatuses(showId));
            }
        }
    }

    /**
     * Takes back an offer waiting-service could not record, or whose waiter left while it was made: the hold is
     * released, its seats kept for the line again (or back on sale once nobody waits). Withdrawing twice, or an
     * offer that ended, changes nothing.
     */
    public void withdraw(UUID showId, UUID holdId) {
        holds.find(holdId).filter(hold -> hold.showId().equals(showId))
                .ifPresent(hold -> holds.release(holdId, hold.customerId()));
    }

    /** Puts every seat kept for the line back on sale, once no waiter can use them; how many there were. */
    public long release(UUID showId) {
        List<String> kept = plans.liveStatuses(showId).entrySet().stream()
                .filter(seat -> SeatState.KEPT.isStored(seat.getValue())).map(Map.Entry::getKey).toList();
        return kept.isEmpty() ? 0 : scripts.unkeep(showId, kept);
    }

    /**
     * {@code count} kept seats: the first run of that many side by side in a row (no aisle between), else the
     * longest runs first.
     */
    static Optional<List<String>> pick(SeatingPlan plan, Map<String, String> statuses, int count) {
        List<List<String>> runs = new ArrayList<>();
        for (ShowScheduled.Row row : plan.rows()) {
            List<String> run = new ArrayList<>();
            for (ShowScheduled.Seat seat : row.seats()) {
                if (SeatState.KEPT.isStored(statuses.get(seat.seatId()))) {
                    run.add(seat.seatId());
                    if (seat.aisleAfter()) {
                        runs.add(run);
                        run = new ArrayList<>();
                    }
                }
                else if (!run.isEmpty()) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
            }
            if (!run.isEmpty()) {
                runs.add(run);
            }
        }
        for (List<String> run : runs) {
            if (run.size() >= count) {
                return Optional.of(List.copyOf(run.subList(0, count)));
            }
        }
        List<String> seats = new ArrayList<>();
        runs.stream().sorted(Comparator.comparingInt(List<String>::size).reversed())
                .forEach(run -> run.stream().limit(count - seats.size()).forEach(seats::add));
        return seats.size() == count ? Optional.of(List.copyOf(seats)) : Optional.empty();
    }
}
