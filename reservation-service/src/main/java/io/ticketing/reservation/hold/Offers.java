package io.ticketing.reservation.hold;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.reservation.seating.SeatScripts;
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

    private final Holds holds;
    private final LineEntries line;
    private final SeatScripts scripts;
    private final SeatingPlans plans;
    private final TransactionOperations transactions;
    private final Clock clock;

    Offers(Holds holds, LineEntries line, SeatScripts scripts, SeatingPlans plans, TransactionOperations transactions,
            Clock clock) {
        this.holds = holds;
        this.line = line;
        this.scripts = scripts;
        this.plans = plans;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A waiter joined the show's line: PostgreSQL first, so that a seat map rebuilt after Redis lost it has the line,
     * then Redis, where the seat scripts read it. An entry that left already stays out.
     */
    public void enter(UUID showId, UUID entryId) {
        transactions.executeWithoutResult(tx -> {
            if (line.enter(showId, entryId)) {
                scripts.line(showId, entryId, true);
            }
        });
    }

    /**
     * A waiter left the show's line (or was offered seats). When nobody is left in it, every seat kept for the line
     * goes back on sale in the same step: waiting-service may tell of the leave long after the waiter left (this
     * service was down then), and nothing else has to follow for the seats to be sold again.
     */
    public void leave(UUID showId, UUID entryId) {
        transactions.executeWithoutResult(tx -> {
            line.leave(showId, entryId);
            scripts.leave(showId, entryId);
        });
    }

    /**
     * Holds {@code seatCount} kept seats for the waiter; the same entry offered twice gets the same hold.
     * {@code NOT_ENOUGH_KEPT} when fewer seats are kept.
     */
    public Hold offer(UUID showId, UUID entryId, UUID customerId, int seatCount) {
        SeatingPlan plan = plans.plan(showId).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "Show " + showId + " is not on sale"));
        String idempotencyKey = "offer-" + entryId;
        var earlier = scripts.earlierHold(showId, customerId, idempotencyKey).flatMap(holds::find)
                .filter(hold -> hold.customerId().equals(customerId));
        if (earlier.isPresent()) {
            if (earlier.get().holding()) {
                return earlier.get();
            }
            // the earlier offer was withdrawn: the waiter, still waiting, gets a new one
            scripts.forgetIdempotencyKey(showId, customerId, idempotencyKey);
        }
        // (a key naming a hold not recorded yet, or never, is the hold's own business: see Holds)
        for (int attempt = 1;; attempt++) {
            List<String> seats = pick(plan, plans.liveStatuses(showId), seatCount)
                    .orElseThrow(() -> RequestRejectedException.conflict("NOT_ENOUGH_KEPT",
                            "Fewer than " + seatCount + " seats are kept for the line"));
            try {
                return holds.take(plan, customerId, seats, Optional.of(idempotencyKey), SeatScripts.KEPT,
                        clock.instant());
            }
            catch (RequestRejectedException ex) {
                if (!ex.code().equals("SEATS_HELD") || attempt == ATTEMPTS) {
                    throw ex;
                }
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
                .filter(seat -> seat.getValue().equals(SeatScripts.KEPT)).map(Map.Entry::getKey).toList();
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
                if (SeatScripts.KEPT.equals(statuses.get(seat.seatId()))) {
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
