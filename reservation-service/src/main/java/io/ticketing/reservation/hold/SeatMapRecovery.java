package io.ticketing.reservation.hold;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.events.reservation.SeatsKept;
import io.ticketing.reservation.seating.BlockedSeats;
import io.ticketing.reservation.seating.SeatKeys;
import io.ticketing.reservation.seating.SeatScripts;
import io.ticketing.reservation.seating.SeatState;
import io.ticketing.reservation.seating.SeatStateRecovery;
import io.ticketing.reservation.seating.SeatingPlan;
import io.ticketing.reservation.seating.SeatingPlans;
import io.ticketing.starter.RequestRejectedException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds a seat map Redis lost: every seat of the plan, SOLD or BLOCKED as booking-service says, HELD for the
 * holds recorded in PostgreSQL whose lease still runs (with their leases, so they expire on time), the
 * customers' seat counts (a seat sold and held at once counts once), the fencing-token counter above every token
 * that could have been handed out (recorded or not: at least the current time in microseconds, like the change
 * sequence), and the show's waiting line (from PostgreSQL). While the line has entries, every free seat is KEPT for it
 * and {@link SeatsKept} asks waiting-service to serve the line: seats freed before the loss still go to waiters first.
 * The new change sequence starts at the current time in microseconds, above any sequence of the lost state.
 * One instance rebuilds a show at a time (a Redisson lock); the script writes nothing if the state exists. Each seat
 * map rebuilt is counted ({@code ticketing.seat.map.rebuilds}): more than now and then means Redis keeps losing data.
 */
@Component
class SeatMapRecovery implements SeatStateRecovery {

    private static final Logger log = LoggerFactory.getLogger(SeatMapRecovery.class);

    private final RedissonClient redis;
    private final SeatScripts scripts;
    private final SeatingPlans plans;
    private final BlockedSeats blocked;
    private final HoldRepository holds;
    private final BookingSeats booking;
    private final LineEntryRepository line;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final HoldProperties properties;
    private final JsonMapper json;
    private final ObjectProvider<HoldSweeper> sweeper;
    private final Counter rebuilds;

    SeatMapRecovery(RedissonClient redis, SeatScripts scripts, SeatingPlans plans, BlockedSeats blocked,
            HoldRepository holds, BookingSeats booking, LineEntryRepository line, ApplicationEventPublisher events,
            TransactionOperations transactions, HoldProperties properties, JsonMapper json,
            ObjectProvider<HoldSweeper> sweeper, MeterRegistry meters) {
        this.redis = redis;
        this.scripts = scripts;
        this.plans = plans;
        this.blocked = blocked;
        this.holds = holds;
        this.booking = booking;
        this.line = line;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
        this.sweeper = sweeper;
        this.rebuilds = Counter.builder("ticketing.seat.map.rebuilds")
                .description("Seat maps rebuilt from PostgreSQL after Redis lost them").register(meters);
    }

    @Override
    public void recover(UUID showId) {
        SeatingPlan plan = plans.plan(showId).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "Show " + showId + " is not on sale"));
        SeatKeys keys = SeatKeys.of(showId);
        RLock lock = redis.getLock(keys.holds() + ":rebuild");
        try {
            if (!lock.tryLock(15, 60, TimeUnit.SECONDS)) {
                throw RequestRejectedException.unavailable("SEAT_MAP_RECOVERING",
                        "The seat map of this show is being restored; try again in a moment");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        try {
            if (redis.getKeys().countExists(keys.seats()) == 0) {
                rebuild(plan);
            }
        }
        finally {
            lock.unlock();
        }
    }

    private void rebuild(SeatingPlan plan) {
        UUID showId = plan.showId();
        Instant now = scripts.time(); // Redis's clock, which set the leases and judges them
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        Map<String, String> seats = new HashMap<>();
        String available = SeatState.AVAILABLE.stored();
        plan.seatTypes().keySet().forEach(seat -> seats.put(seat, available));
        Map<String, Integer> customers = new HashMap<>();
        var states = booking.states(showId);
        // a token Redis handed out before it lost the show may not be recorded yet: start above any possible one
        long fence = Math.max(holds.maxToken(showId), nowMicros);
        if (states.isPresent()) {
            states.get().sold().forEach((seat, customer) -> {
                seats.put(seat, SeatState.SOLD.stored());
                customers.merge(customer.toString(), 1, Integer::sum);
            });
            states.get().blocked().forEach(seat -> seats.replace(seat, available, SeatState.BLOCKED.stored()));
            fence = Math.max(fence, states.get().fence());
        }
        blocked.blocked(showId).forEach(seat -> seats.replace(seat, available, SeatState.BLOCKED.stored()));
        Map<String, String> holdEntries = new HashMap<>();
        Map<String, String> leaseEnds = new HashMap<>();
        for (Hold hold : holds.heldOfShow(showId, now.minus(properties.holdGrace()))) {
            // only the seats the hold still has: a seat sold meanwhile (its own booking, whose BookingConfirmed is
            // what asked for this rebuild) is counted for the customer as sold, not a second time as held
            List<String> held = hold.seatIds().stream()
                    .filter(seat -> seats.replace(seat, available, SeatState.heldBy(hold.holdId()))).toList();
            if (held.isEmpty()) {
                continue;
            }
            Instant leaseEnd = hold.expiresAt().plus(properties.holdGrace());
            holdEntries.put(hold.holdId().toString(), hold.customerId() + "|" + hold.fencingToken() + "|"
                    + hold.expiresAt().toEpochMilli() + "|" + String.join(",", held));
            leaseEnds.put(hold.holdId().toString(), Long.toString(leaseEnd.toEpochMilli()));
            customers.merge(hold.customerId().toString(), held.size(), Integer::sum);
        }
        List<String> waiting = line.of(showId);
        int kept = 0;
        if (!waiting.isEmpty()) {
            // which seats were kept for the line is lost with Redis: every free seat is kept until the line is served
            for (var seat : seats.entrySet()) {
                if (seat.getValue().equals(available)) {
                    seat.setValue(SeatState.KEPT.stored());
                    kept++;
                }
            }
        }
        String state = json.writeValueAsString(Map.of("seats", seats, "holds", holdEntries, "customers", customers,
                "leases", leaseEnds, "line", waiting, "fence", Long.toString(fence),
                "seq", Long.toString(nowMicros)));
        if (scripts.rebuild(showId, state)) {
            rebuilds.increment();
            if (!holdEntries.isEmpty()) {
                sweeper.ifAvailable(holdSweeper -> holdSweeper.noted(showId)); // their leases are back in its index
            }
            log.warn("Rebuilt the seat map of show {} that Redis had lost: {} seats, {} sold, {} holds, {} waiting, "
                    + "{} kept", showId, seats.size(), states.map(s -> s.sold().size()).orElse(0), holdEntries.size(),
                    waiting.size(), kept);
            if (kept > 0) {
                SeatsKept event = new SeatsKept(UUID.randomUUID(), now, showId, kept);
                transactions.executeWithoutResult(tx -> events.publishEvent(event));
            }
        }
    }
}
