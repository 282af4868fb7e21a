package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ticketing.benchmarks.chaos.InvariantResult.Violation;
import io.ticketing.benchmarks.chaos.PlatformState.Booking;
import io.ticketing.benchmarks.chaos.PlatformState.Hold;
import io.ticketing.benchmarks.chaos.PlatformState.Payment;
import io.ticketing.benchmarks.chaos.PlatformState.Refund;
import io.ticketing.benchmarks.chaos.PlatformState.SeatMap;
import io.ticketing.benchmarks.chaos.PlatformState.WaitlistEntry;

/**
 * The guarantees of PRODUCT.md as checks on a settled platform's data ({@link PlatformState}): each a pure function
 * from what was read to what breaks it. Names are the ones the report prints.
 */
final class Invariants {

    static final String SOLD_ONCE = "no seat sold twice";
    static final String PAID_ONCE = "every succeeded payment is one CONFIRMED booking or one refund";
    static final String HELD_FOR_SOMEONE = "no seat HELD or KEPT without a live hold or a waiter who can use it";
    static final String HOLDS_HOLD = "every live hold holds its seats";
    static final String HOLDS_END = "hold records end on time";
    static final String MAP_IS_INVENTORY = "the seat map equals booking's inventory";
    static final String COUNTERS = "seat counters match the seats";
    static final String CUSTOMER_COUNTS = "customer seat counts match holds and bookings";
    static final String FENCES = "fencing tokens never repeat";
    static final String OFFERS = "every live offer is a live hold";
    static final String FENCES_KNOWN = "booking saw every hold (seat fences at least the holds' tokens)";
    static final String HOLDS_AGREE = "hold records agree with bookings and refunds";
    static final String TICKETS = "every CONFIRMED booking has its tickets";
    static final String OUTBOX = "no unsent outbox rows";
    static final String LAG = "consumer lag zero";
    static final String DEAD_LETTERS = "dead letters zero";

    /** A hold record still open this long after its lease ended has been forgotten. */
    static final Duration FORGOTTEN_AFTER = Duration.ofSeconds(30);

    private Invariants() {
    }

    static List<InvariantResult> check(PlatformState state) {
        return List.of(soldOnce(state), paidOnce(state), heldForSomeone(state), holdsHold(state), holdsEnd(state),
                mapIsInventory(state), counters(state), customerCounts(state), fences(state), fencesKnown(state),
                holdsAgree(state), tickets(state), offers(state), outbox(state), lag(state), deadLetters(state));
    }

    static InvariantResult soldOnce(PlatformState state) {
        Map<String, List<String>> activeSales = new TreeMap<>();
        state.bookedSeats().stream().filter(PlatformState.BookedSeat::active).forEach(seat -> activeSales
                .computeIfAbsent(seat.showId() + " " + seat.seatId(), key -> new ArrayList<>()).add(seat.bookingId()));
        Map<String, List<String>> confirmed = new TreeMap<>();
        state.bookings().stream().filter(booking -> booking.status().equals("CONFIRMED")).forEach(booking -> booking
                .seatIds().forEach(seat -> confirmed.computeIfAbsent(booking.showId() + " " + seat,
                        key -> new ArrayList<>()).add(booking.bookingId())));
        Map<String, Violation> violations = new TreeMap<>();
        activeSales.forEach((seat, sales) -> {
            if (sales.size() > 1) {
                violations.put(seat, new Violation(seat, "show/seat " + seat + " in " + sales.size()
                        + " active sales: bookings " + String.join(", ", sales)));
            }
        });
        confirmed.forEach((seat, bookings) -> {
            if (bookings.size() > 1) {
                violations.putIfAbsent(seat, new Violation(seat, "show/seat " + seat + " in " + bookings.size()
                        + " CONFIRMED bookings: " + String.join(", ", bookings)));
            }
        });
        return new InvariantResult(SOLD_ONCE, List.copyOf(violations.values()));
    }

    static InvariantResult paidOnce(PlatformState state) {
        Map<String, List<Booking>> bookingsByPayment = state.bookings().stream()
                .collect(Collectors.groupingBy(Booking::paymentId));
        Map<String, Refund> refundByPayment = state.refunds().stream()
                .collect(Collectors.toMap(Refund::paymentId, Function.identity(), (first, second) -> first));
        Map<String, Hold> holds = byId(state.holds(), Hold::holdId);
        Map<String, Payment> payments = byId(state.payments(), Payment::paymentId);
        List<Violation> violations = new ArrayList<>();
        for (Payment payment : state.payments()) {
            if (!payment.succeeded()) {
                continue;
            }
            List<Booking> bookings = bookingsByPayment.getOrDefault(payment.paymentId(), List.of());
            Refund refund = refundByPayment.get(payment.paymentId());
            long confirmed = bookings.stream().filter(booking -> booking.status().equals("CONFIRMED")).count();
            String hold = Optional.ofNullable(holds.get(payment.holdId())).map(Hold::status).orElse("unknown");
            String problem = null;
            if (bookings.size() > 1) {
                problem = "became " + bookings.size() + " bookings";
            }
            else if (refund == null && confirmed == 0) {
                problem = bookings.isEmpty() ? "money taken, neither booked nor refunded"
                        : "booking " + bookings.getFirst().bookingId() + " " + bookings.getFirst().status()
                                + " without a refund";
            }
            else if (refund != null && confirmed > 0) {
                problem = "booked (" + bookings.getFirst().bookingId() + ") and refunded too";
            }
            else if (refund != null && !refund.status().equals("SUCCEEDED")) {
                problem = "refund " + refund.refundId() + " " + refund.status();
            }
            if (problem != null) {
                violations.add(new Violation("payment " + payment.paymentId(), "payment " + payment.paymentId() + " ("
                        + payment.status() + ", hold " + payment.holdId() + " " + hold + "): " + problem,
                        payment.updatedAt()));
            }
        }
        for (Booking booking : state.bookings()) {
            Payment payment = payments.get(booking.paymentId());
            if (payment == null || !payment.succeeded()) {
                violations.add(new Violation("booking " + booking.bookingId(), "booking " + booking.bookingId() + " ("
                        + booking.status() + ") without a succeeded payment: payment " + booking.paymentId() + " "
                        + (payment == null ? "unknown" : payment.status()), booking.confirmedAt()));
            }
        }
        return new InvariantResult(PAID_ONCE, violations);
    }

    static InvariantResult heldForSomeone(PlatformState state) {
        Map<String, Hold> holds = byId(state.holds(), Hold::holdId);
        Map<String, List<WaitlistEntry>> waiting = state.entries().stream()
                .filter(entry -> entry.status().equals("WAITING"))
                .collect(Collectors.groupingBy(WaitlistEntry::showId));
        List<Violation> violations = new ArrayList<>();
        for (var show : new TreeMap<>(state.seatMaps()).entrySet()) {
            SeatMap map = show.getValue();
            List<String> kept = new ArrayList<>();
            int held = 0;
            for (var seat : new TreeMap<>(map.seats()).entrySet()) {
                String status = seat.getValue();
                if (status.equals("KEPT")) {
                    kept.add(seat.getKey());
                }
                else if (status.startsWith("HELD:")) {
                    held++;
                    String holdId = status.substring("HELD:".length());
                    String problem = liveHoldProblem(holds.get(holdId), holdId, map, state);
                    if (problem != null) {
                        String key = show.getKey() + " " + seat.getKey();
                        Hold owner = holds.get(holdId);
                        violations.add(new Violation(key, "show/seat " + key + " HELD by " + problem,
                                owner == null ? null : owner.expiresAt()));
                    }
                }
            }
            if (!kept.isEmpty()) {
                int usable = kept.size() + held;
                List<WaitlistEntry> line = waiting.getOrDefault(show.getKey(), List.of());
                if (line.stream().noneMatch(entry -> entry.seatCount() <= usable)) {
                    violations.add(new Violation(show.getKey() + " kept", "show " + show.getKey() + ": " + kept.size()
                            + " seats KEPT (" + first(kept) + ") and " + held + " held, but "
                            + (line.isEmpty() ? "nobody waits"
                                    : "the " + line.size() + " waiters want more ("
                                            + line.stream().map(entry -> Integer.toString(entry.seatCount()))
                                                    .collect(Collectors.joining(", ")) + " seats)")));
                }
            }
        }
        return new InvariantResult(HELD_FOR_SOMEONE, violations);
    }

    /** Why a seat held by this hold is held by no one; null when the hold is live. */
    private static String liveHoldProblem(Hold hold, String holdId, SeatMap map, PlatformState state) {
        if (hold == null) {
            return "hold " + holdId + ", which reservation's database does not know";
        }
        if (!hold.holding()) {
            return "hold " + holdId + ", which is " + hold.status();
        }
        Instant leaseEnd = hold.expiresAt().plus(state.holdGrace());
        if (!map.liveLeases().contains(holdId) && leaseEnd.isBefore(state.readAt())) {
            return "hold " + holdId + " (" + hold.status() + "), whose lease ended at " + leaseEnd;
        }
        return null;
    }

    static InvariantResult holdsHold(PlatformState state) {
        List<Violation> violations = new ArrayList<>();
        for (Hold hold : state.holds()) {
            SeatMap map = state.seatMaps().get(hold.showId());
            // a hold in its last moments may be freed between the reads; only one well inside its time counts
            if (!hold.holding() || map == null || !hold.expiresAt().isAfter(state.readAt())) {
                continue;
            }
            List<String> lost = hold.seatIds().stream()
                    .filter(seat -> !("HELD:" + hold.holdId()).equals(map.seats().get(seat))).toList();
            if (!lost.isEmpty()) {
                violations.add(new Violation("hold " + hold.holdId(), "hold " + hold.holdId() + " (" + hold.status()
                        + " until " + hold.expiresAt() + ") does not hold " + lost.stream()
                                .map(seat -> seat + " (" + map.seats().getOrDefault(seat, "missing") + ")")
                                .collect(Collectors.joining(", ")), hold.createdAt()));
            }
        }
        return new InvariantResult(HOLDS_HOLD, violations);
    }

    static InvariantResult holdsEnd(PlatformState state) {
        List<Violation> violations = new ArrayList<>();
        for (Hold hold : state.holds()) {
            Instant forgotten = hold.expiresAt().plus(state.holdGrace()).plus(FORGOTTEN_AFTER);
            if (hold.holding() && forgotten.isBefore(state.readAt())) {
                violations.add(new Violation("hold " + hold.holdId(), "hold " + hold.holdId() + " still "
                        + hold.status() + ", " + Duration.between(hold.expiresAt(), state.readAt()).toSeconds()
                        + " s after its time ended (" + hold.expiresAt() + ")", hold.expiresAt()));
            }
        }
        return new InvariantResult(HOLDS_END, violations);
    }

    static InvariantResult mapIsInventory(PlatformState state) {
        Set<String> sold = state.bookedSeats().stream().filter(PlatformState.BookedSeat::active)
                .map(seat -> seat.showId() + " " + seat.seatId()).collect(Collectors.toSet());
        Map<String, Booking> bookings = byId(state.bookings(), Booking::bookingId);
        Map<String, Instant> soldAt = new HashMap<>();
        state.bookedSeats().stream().filter(PlatformState.BookedSeat::active).forEach(seat -> Optional
                .ofNullable(bookings.get(seat.bookingId())).map(Booking::confirmedAt)
                .ifPresent(at -> soldAt.put(seat.showId() + " " + seat.seatId(), at)));
        List<Violation> violations = new ArrayList<>();
        for (String show : new TreeMap<>(state.inventory()).keySet()) {
            Map<String, String> inventory = state.inventory().get(show);
            SeatMap map = state.seatMaps().get(show);
            Map<String, String> redis = map == null ? Map.of() : map.seats();
            Map<String, String> shown = state.publicSeatMaps().getOrDefault(show, Map.of());
            if (redis.isEmpty()) {
                violations.add(new Violation(show + " map", "show " + show + ": no seat map in Redis"));
                continue;
            }
            for (var seat : new TreeMap<>(inventory).entrySet()) {
                String key = show + " " + seat.getKey();
                String booked = seat.getValue();
                String live = redis.getOrDefault(seat.getKey(), "missing");
                boolean soldHere = booked.equals("SOLD");
                if (soldHere != live.equals("SOLD") || booked.equals("BLOCKED") != live.equals("BLOCKED")) {
                    violations.add(new Violation(key, "show/seat " + key + ": booking " + booked + ", Redis " + live,
                            soldAt.get(key)));
                }
                else if (soldHere != sold.contains(key)) {
                    violations.add(new Violation(key, "show/seat " + key + ": booking's show_seat " + booked
                            + (soldHere ? " without" : " with") + " an active booked_seat"));
                }
                else if (!shown.isEmpty() && !publicStatus(live).equals(shown.getOrDefault(seat.getKey(), "missing"))) {
                    violations.add(new Violation(key, "show/seat " + key + ": Redis " + live + ", the public seat map "
                            + shown.getOrDefault(seat.getKey(), "missing")));
                }
            }
        }
        return new InvariantResult(MAP_IS_INVENTORY, violations);
    }

    /** What the public seat map shows for a seat's state in Redis: kept seats look held. */
    static String publicStatus(String redis) {
        return redis.startsWith("HELD:") || redis.equals("KEPT") ? "HELD" : redis;
    }

    static InvariantResult counters(PlatformState state) {
        List<Violation> violations = new ArrayList<>();
        for (var show : new TreeMap<>(state.seatMaps()).entrySet()) {
            SeatMap map = show.getValue();
            if (map.seats().isEmpty()) {
                continue;
            }
            Map<String, Long> actual = new LinkedHashMap<>();
            actual.put("available", map.seats().values().stream().filter("AVAILABLE"::equals).count());
            actual.put("held", map.seats().values().stream().filter(status -> status.startsWith("HELD:")).count());
            actual.put("kept", map.seats().values().stream().filter("KEPT"::equals).count());
            List<String> wrong = new ArrayList<>();
            actual.forEach((counter, seats) -> {
                long counted = map.counts().getOrDefault(counter, 0L);
                if (counted != seats) {
                    wrong.add(counter + " " + counted + " (the seats: " + seats + ")");
                }
            });
            if (!wrong.isEmpty()) {
                violations.add(new Violation(show.getKey() + " counts", "show " + show.getKey() + ": counters say "
                        + String.join(", ", wrong)));
            }
        }
        return new InvariantResult(COUNTERS, violations);
    }

    static InvariantResult customerCounts(PlatformState state) {
        List<Violation> violations = new ArrayList<>();
        for (var show : new TreeMap<>(state.seatMaps()).entrySet()) {
            SeatMap map = show.getValue();
            if (map.seats().isEmpty()) {
                continue;
            }
            Map<String, Long> expected = new TreeMap<>();
            map.holds().values().forEach(entry -> {
                String[] parts = entry.split("\\|", 4);
                if (parts.length == 4) {
                    expected.merge(parts[0], (long) parts[3].split(",").length, Long::sum);
                }
            });
            state.bookings().stream()
                    .filter(booking -> booking.showId().equals(show.getKey()) && booking.status().equals("CONFIRMED"))
                    .forEach(booking -> expected.merge(booking.customerId(), (long) booking.seatIds().size(), Long::sum));
            Map<String, Long> counted = new TreeMap<>(map.customers());
            Set<String> customers = new java.util.TreeSet<>(expected.keySet());
            customers.addAll(counted.keySet());
            for (String customer : customers) {
                long want = expected.getOrDefault(customer, 0L);
                long got = counted.getOrDefault(customer, 0L);
                if (want != got) {
                    String key = show.getKey() + " " + customer;
                    violations.add(new Violation(key, "show " + show.getKey() + ", customer " + customer + ": counted "
                            + got + " seats, holds and bookings have " + want));
                }
            }
        }
        return new InvariantResult(CUSTOMER_COUNTS, violations);
    }

    static InvariantResult fences(PlatformState state) {
        List<Violation> violations = new ArrayList<>();
        Map<String, List<Hold>> byShow = state.holds().stream().collect(Collectors.groupingBy(Hold::showId,
                TreeMap::new, Collectors.toList()));
        byShow.forEach((show, holds) -> {
            Map<Long, List<String>> byToken = new TreeMap<>();
            holds.forEach(hold -> byToken.computeIfAbsent(hold.fencingToken(), token -> new ArrayList<>()).add(hold.holdId()));
            byToken.forEach((token, holdIds) -> {
                if (holdIds.size() > 1) {
                    violations.add(new Violation(show + " token " + token, "show " + show + ": token " + token
                            + " given to " + holdIds.size() + " holds (" + first(holdIds) + ")"));
                }
            });
            SeatMap map = state.seatMaps().get(show);
            long highest = holds.stream().mapToLong(Hold::fencingToken).max().orElse(0);
            if (map != null && map.fence().isPresent() && map.fence().get() < highest) {
                violations.add(new Violation(show + " fence", "show " + show + ": the fencing counter is at "
                        + map.fence().get() + ", below token " + highest + " given already"));
            }
        });
        return new InvariantResult(FENCES, violations);
    }

    /**
     * Every hold's {@code SeatsHeld} reached booking-service: the fence it keeps per seat is at least the token of
     * every hold that claimed the seat. A lower fence is an event lost on the way, and lets booking confirm a lapsed
     * hold's late payment over a newer hold.
     */
    static InvariantResult fencesKnown(PlatformState state) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Hold> highest = new TreeMap<>();
        for (Hold hold : state.holds()) {
            for (String seat : hold.seatIds()) {
                highest.merge(hold.showId() + " " + seat, hold,
                        (one, other) -> one.fencingToken() >= other.fencingToken() ? one : other);
            }
        }
        highest.forEach((key, hold) -> {
            String seat = key.substring(key.indexOf(' ') + 1);
            Long fence = state.seatFences().getOrDefault(hold.showId(), Map.of()).get(seat);
            if (fence != null && fence < hold.fencingToken()) {
                violations.add(new Violation(key, "show/seat " + key + ": booking's fence is " + fence + ", but hold "
                        + hold.holdId() + " claimed it with token " + hold.fencingToken(), hold.createdAt()));
            }
        });
        return new InvariantResult(FENCES_KNOWN, violations);
    }

    /**
     * Reservation-service's hold records say what became of each hold as the other services decided it: a hold that
     * became a booking is CONFIRMED (and a CONFIRMED hold has a booking); a hold whose payment was refunded without
     * ever becoming a booking is REFUNDED.
     */
    static InvariantResult holdsAgree(PlatformState state) {
        Map<String, Hold> holds = byId(state.holds(), Hold::holdId);
        Map<String, Booking> bookingByHold = byId(state.bookings(), Booking::holdId);
        List<Violation> violations = new ArrayList<>();
        for (Booking booking : state.bookings()) {
            Hold hold = holds.get(booking.holdId());
            if (hold == null || !hold.status().equals("CONFIRMED")) {
                violations.add(new Violation("hold " + booking.holdId(), "hold " + booking.holdId() + " "
                        + (hold == null ? "unknown" : hold.status()) + ", but it became booking " + booking.bookingId()
                        + " (" + booking.status() + ")", booking.confirmedAt()));
            }
        }
        for (Hold hold : state.holds()) {
            if (hold.status().equals("CONFIRMED") && !bookingByHold.containsKey(hold.holdId())) {
                violations.add(new Violation("hold " + hold.holdId(), "hold " + hold.holdId()
                        + " CONFIRMED without a booking", hold.createdAt()));
            }
        }
        Set<String> reported = new HashSet<>();
        for (Payment payment : state.payments()) {
            Hold hold = holds.get(payment.holdId());
            if (payment.status().equals("REFUNDED") && hold != null && !bookingByHold.containsKey(hold.holdId())
                    && !hold.status().equals("REFUNDED") && reported.add(hold.holdId())) {
                violations.add(new Violation("hold " + hold.holdId(), "hold " + hold.holdId() + " " + hold.status()
                        + ", but its payment " + payment.paymentId() + " was refunded without a booking",
                        payment.updatedAt()));
            }
        }
        return new InvariantResult(HOLDS_AGREE, violations);
    }

    /** notification-service issued a ticket for every seat of every CONFIRMED booking, and booking-service has them. */
    static InvariantResult tickets(PlatformState state) {
        return new InvariantResult(TICKETS, state.bookings().stream()
                .filter(booking -> booking.status().equals("CONFIRMED"))
                .filter(booking -> state.tickets().getOrDefault(booking.bookingId(), 0) != booking.seatIds().size())
                .map(booking -> new Violation("booking " + booking.bookingId(), "booking " + booking.bookingId() + " has "
                        + state.tickets().getOrDefault(booking.bookingId(), 0) + " tickets for "
                        + booking.seatIds().size() + " seats", booking.confirmedAt()))
                .toList());
    }

    static InvariantResult offers(PlatformState state) {
        Map<String, Hold> holds = byId(state.holds(), Hold::holdId);
        List<Violation> violations = new ArrayList<>();
        for (WaitlistEntry entry : state.entries()) {
            if (!entry.status().equals("OFFERED") || entry.offerExpiresAt() == null
                    || !entry.offerExpiresAt().isAfter(state.readAt())) {
                continue;
            }
            Hold hold = entry.offerHoldId() == null ? null : holds.get(entry.offerHoldId());
            String problem = null;
            if (hold == null) {
                problem = "its hold " + entry.offerHoldId() + " does not exist";
            }
            else if (!hold.customerId().equals(entry.customerId())) {
                problem = "its hold " + hold.holdId() + " belongs to customer " + hold.customerId();
            }
            else if (hold.status().equals("EXPIRED")) {
                problem = "its hold " + hold.holdId() + " EXPIRED although the offer runs until " + entry.offerExpiresAt();
            }
            if (problem != null) {
                violations.add(new Violation("entry " + entry.entryId(), "offer to entry " + entry.entryId() + " (show "
                        + entry.showId() + "): " + problem));
            }
        }
        return new InvariantResult(OFFERS, violations);
    }

    static InvariantResult outbox(PlatformState state) {
        List<Violation> violations = new ArrayList<>();
        new TreeMap<>(state.outbox()).forEach((database, rows) -> rows.forEach(row -> violations.add(
                new Violation(database + " " + row, database + ": " + row))));
        return new InvariantResult(OUTBOX, violations);
    }

    static InvariantResult lag(PlatformState state) {
        return new InvariantResult(LAG, state.lag().stream().filter(lag -> lag.lag() > 0)
                .sorted(Comparator.comparing(PlatformState.GroupLag::group).thenComparing(PlatformState.GroupLag::partition))
                .map(lag -> new Violation(lag.group() + " " + lag.partition(), "group " + lag.group() + " is "
                        + lag.lag() + " behind on " + lag.partition()))
                .toList());
    }

    static InvariantResult deadLetters(PlatformState state) {
        if (state.deadLetters().isEmpty()) {
            return new InvariantResult(DEAD_LETTERS, List.of(), "no dead-letter table");
        }
        List<Violation> violations = new ArrayList<>();
        new TreeMap<>(state.deadLetters()).forEach((database, rows) -> rows.forEach(row -> violations.add(
                new Violation(database + " " + row, database + ": " + row))));
        return new InvariantResult(DEAD_LETTERS, violations, "tables in " + String.join(", ",
                new TreeMap<>(state.deadLetters()).keySet()));
    }

    private static <T> Map<String, T> byId(List<T> rows, Function<T, String> id) {
        Map<String, T> byId = new HashMap<>();
        rows.forEach(row -> byId.putIfAbsent(id.apply(row), row));
        return byId;
    }

    /** The first few of a list, for a sentence: {@code A1, A2, A3, ...}. */
    private static String first(List<String> items) {
        return items.size() <= 3 ? String.join(", ", items) : String.join(", ", items.subList(0, 3)) + ", ...";
    }
}
