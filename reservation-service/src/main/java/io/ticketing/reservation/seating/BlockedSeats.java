package io.ticketing.reservation.seating;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.events.reservation.SeatsBlocked;
import io.ticketing.events.reservation.SeatsUnblocked;
import io.ticketing.starter.RequestRejectedException;

/**
 * Seats the venue takes off sale (a broken seat, seats kept for guests) and puts back. Only free seats can be
 * blocked, all of those asked or none; PostgreSQL keeps the list (a rebuilt seat map reads it) and tells
 * booking-service in the same transaction (outbox), so it sells none of them either.
 */
@Service
public class BlockedSeats {

    /** At most this many seats change in one request (a hall has at most 60,000; a block is a few rows). */
    public static final int MAX_SEATS = 1_000;

    private final JdbcClient jdbc;
    private final SeatScripts scripts;
    private final SeatingPlans plans;
    private final ObjectProvider<SeatStateRecovery> recovery;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BlockedSeats(JdbcClient jdbc, SeatScripts scripts, SeatingPlans plans, ObjectProvider<SeatStateRecovery> recovery,
            TransactionOperations transactions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.scripts = scripts;
        this.plans = plans;
        this.recovery = recovery;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** The blocked seats of a show. */
    public List<String> blocked(UUID showId) {
        return jdbc.sql("SELECT seat_id FROM blocked_seat WHERE show_id = ? ORDER BY seat_id").param(showId)
                .query(String.class).list();
    }

    /** Blocks free seats, all or none: {@code SEATS_HELD} or {@code SEATS_UNAVAILABLE} (sold) otherwise. */
    public List<String> block(UUID showId, List<String> seatIds) {
        validate(showId, seatIds);
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO blocked_seat (show_id, seat_id)
                    SELECT ?, seat FROM unnest(string_to_array(?, ',')) AS seat ON CONFLICT DO NOTHING""")
                    .params(showId, String.join(",", seatIds)).update();
            long version = apply(showId, seatIds, true);
            events.publishEvent(new SeatsBlocked(UUID.randomUUID(), clock.instant(), showId, seatIds, version));
        });
        return blocked(showId);
    }

    /** Puts blocked seats back on sale; seats that are not blocked are left as they are. */
    public List<String> unblock(UUID showId, List<String> seatIds) {
        validate(showId, seatIds);
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM blocked_seat WHERE show_id = ? AND seat_id = ANY(string_to_array(?, ','))")
                    .params(showId, String.join(",", seatIds)).update();
            long version = apply(showId, seatIds, false);
            events.publishEvent(new SeatsUnblocked(UUID.randomUUID(), clock.instant(), showId, seatIds, version));
        });
        return blocked(showId);
    }

    private void validate(UUID showId, List<String> seatIds) {
        SeatingPlan plan = plans.plan(showId).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "Show " + showId + " is not on sale"));
        if (seatIds.isEmpty() || seatIds.size() > MAX_SEATS || new HashSet<>(seatIds).size() != seatIds.size()) {
            throw RequestRejectedException.unprocessable("INVALID_SEATS",
                    "Name 1 to " + MAX_SEATS + " seats, each once");
        }
        List<String> unknown = seatIds.stream().filter(seat -> !plan.seatTypes().containsKey(seat)).limit(10).toList();
        if (!unknown.isEmpty()) {
            throw RequestRejectedException.unprocessable("INVALID_SEATS", "The show has no seats " + unknown);
        }
    }

    /**
     * Changes Redis inside the transaction, so that a refusal rolls the record back. Should the commit fail
     * after the script ran, the seats stay blocked in Redis until unblocked: off sale, never oversold. Returns the
     * show's seat-change sequence after the change: the version booking-service orders blocks and unblocks by.
     */
    private long apply(UUID showId, List<String> seatIds, boolean block) {
        var outcome = scripts.block(showId, seatIds, block);
        if (outcome instanceof SeatScripts.BlockOutcome.NoShow) {
            recovery.getObject().recover(showId);
            outcome = scripts.block(showId, seatIds, block);
        }
        return switch (outcome) {
            case SeatScripts.BlockOutcome.Done done -> done.sequence();
            case SeatScripts.BlockOutcome.Refused refused -> throw switch (refused.refusal()) {
                case SEATS_HELD -> RequestRejectedException.conflict("SEATS_HELD",
                        "Seat " + refused.seatId() + " is held by a customer; block it once the hold ends");
                case SEATS_UNAVAILABLE -> RequestRejectedException.conflict("SEATS_UNAVAILABLE",
                        "Seat " + refused.seatId() + " is sold; cancel the booking first");
                default -> new IllegalStateException("Blocking seats of show " + showId + ": " + refused);
            };
            case SeatScripts.BlockOutcome.NoShow noShow -> throw new IllegalStateException("The seat map of show "
                    + showId + " is still missing in Redis");
        };
    }
}
