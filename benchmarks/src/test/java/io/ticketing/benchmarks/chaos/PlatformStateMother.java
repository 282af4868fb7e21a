package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settled platforms for the invariants' tests: one show ({@link #SHOW}, seats A1 to A4) read at {@link #NOW},
 * consistent as built; each test breaks it the way it needs.
 */
final class PlatformStateMother {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final String SHOW = "7c0e2a44-0000-4000-8000-000000000001";
    static final Duration GRACE = Duration.ofSeconds(5);

    final Map<String, String> seats = new LinkedHashMap<>();
    final Map<String, Long> counts = new LinkedHashMap<>();
    final Map<String, Long> customers = new LinkedHashMap<>();
    final Map<String, String> redisHolds = new LinkedHashMap<>();
    final Set<String> liveLeases = new HashSet<>();
    Optional<Long> fence = Optional.of(10L);
    final Map<String, String> publicSeats = new LinkedHashMap<>();
    final Map<String, String> inventory = new LinkedHashMap<>();
    final Map<String, Long> seatFences = new LinkedHashMap<>();
    final Map<String, Integer> tickets = new LinkedHashMap<>();
    final List<PlatformState.BookedSeat> bookedSeats = new ArrayList<>();
    final List<PlatformState.Booking> bookings = new ArrayList<>();
    final List<PlatformState.Payment> payments = new ArrayList<>();
    final List<PlatformState.Refund> refunds = new ArrayList<>();
    final List<PlatformState.Hold> holds = new ArrayList<>();
    final List<PlatformState.WaitlistEntry> entries = new ArrayList<>();
    final Map<String, List<String>> outbox = new LinkedHashMap<>();
    final List<PlatformState.GroupLag> lag = new ArrayList<>();
    final Map<String, List<String>> deadLetters = new LinkedHashMap<>();

    /** Four free seats, nothing held, sold or waited for. */
    static PlatformStateMother fourFreeSeats() {
        var state = new PlatformStateMother();
        for (String seat : List.of("A1", "A2", "A3", "A4")) {
            state.seat(seat, "AVAILABLE", "AVAILABLE");
        }
        return state;
    }

    /** Sets a seat in Redis, in booking's inventory, and in the public map as Redis shows it. */
    PlatformStateMother seat(String seat, String redis, String inventoryStatus) {
        seats.put(seat, redis);
        inventory.put(seat, inventoryStatus);
        seatFences.putIfAbsent(seat, 0L);
        publicSeats.put(seat, Invariants.publicStatus(redis));
        recount();
        return this;
    }

    /** A paid hold that became a CONFIRMED booking of these seats: consistent everywhere. */
    PlatformStateMother sold(String customer, String holdId, String paymentId, String bookingId, String... seatIds) {
        for (String seat : seatIds) {
            seat(seat, "SOLD", "SOLD");
            seatFences.merge(seat, 3L, Math::max);
            bookedSeats.add(new PlatformState.BookedSeat(SHOW, seat, bookingId, true));
        }
        tickets.put(bookingId, seatIds.length);
        holds.add(new PlatformState.Hold(holdId, SHOW, customer, List.of(seatIds), 3, "CONFIRMED", NOW.minusSeconds(120),
                NOW.minusSeconds(140)));
        payments.add(payment(paymentId, holdId, "SUCCEEDED"));
        bookings.add(booking(bookingId, holdId, paymentId, customer, "CONFIRMED", seatIds));
        customers.merge(customer, (long) seatIds.length, Long::sum);
        return this;
    }

    /** A live hold of these seats, its lease running. */
    PlatformStateMother held(String customer, String holdId, long token, String... seatIds) {
        for (String seat : seatIds) {
            seat(seat, "HELD:" + holdId, "AVAILABLE");
            seatFences.merge(seat, token, Math::max);
        }
        Instant expiresAt = NOW.plusSeconds(15);
        holds.add(hold(holdId, customer, token, "HELD", expiresAt, seatIds));
        redisHolds.put(holdId, customer + "|" + token + "|" + expiresAt.toEpochMilli() + "|" + String.join(",", seatIds));
        liveLeases.add(holdId);
        customers.merge(customer, (long) seatIds.length, Long::sum);
        return this;
    }

    /** A hold record taken 20 s before {@code expiresAt}. */
    static PlatformState.Hold hold(String holdId, String customer, long token, String status, Instant expiresAt,
            String... seatIds) {
        return new PlatformState.Hold(holdId, SHOW, customer, List.of(seatIds), token, status, expiresAt,
                expiresAt.minusSeconds(20));
    }

    static PlatformState.Payment payment(String paymentId, String holdId, String status) {
        return new PlatformState.Payment(paymentId, holdId, SHOW, status, NOW.minusSeconds(100));
    }

    static PlatformState.Booking booking(String bookingId, String holdId, String paymentId, String customer,
            String status, String... seatIds) {
        return new PlatformState.Booking(bookingId, SHOW, holdId, paymentId, customer, List.of(seatIds), status,
                NOW.minusSeconds(90));
    }

    PlatformStateMother waiting(String entryId, String customer, int seatCount) {
        entries.add(new PlatformState.WaitlistEntry(entryId, SHOW, customer, seatCount, "WAITING", null, null));
        return this;
    }

    private void recount() {
        counts.put("available", seats.values().stream().filter("AVAILABLE"::equals).count());
        counts.put("held", seats.values().stream().filter(status -> status.startsWith("HELD:")).count());
        counts.put("kept", seats.values().stream().filter("KEPT"::equals).count());
        counts.put("seq", 42L);
    }

    PlatformState build() {
        return new PlatformState(NOW, GRACE, Set.of(SHOW), Map.of(SHOW, new PlatformState.SeatMap(Map.copyOf(seats),
                Map.copyOf(counts), Map.copyOf(customers), Map.copyOf(redisHolds), Set.copyOf(liveLeases), fence)),
                Map.of(SHOW, Map.copyOf(publicSeats)), Map.of(SHOW, Map.copyOf(inventory)),
                Map.of(SHOW, Map.copyOf(seatFences)), Map.copyOf(tickets), List.copyOf(bookedSeats),
                List.copyOf(bookings), List.copyOf(payments), List.copyOf(refunds), List.copyOf(holds),
                List.copyOf(entries), Map.copyOf(outbox), List.copyOf(lag), Map.copyOf(deadLetters));
    }
}
