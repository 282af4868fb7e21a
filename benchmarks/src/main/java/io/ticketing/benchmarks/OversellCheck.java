package io.ticketing.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether any seat went to two customers, from what the customers were told and what the seat map shows at the
 * end:
 * <ol type="a">
 * <li>no seat is in two successful holds (unless the first had expired when the second was answered);</li>
 * <li>the final seat map shows exactly the seats of the live successful holds as taken: each of them
 * {@code HELD}, no other seat taken; and, per customer, {@code heldByYou} on exactly that customer's seats;</li>
 * <li>the successful holds together have no more seats than the show.</li>
 * </ol>
 * A hold attempt that got no answer (a timeout, a 5xx) may have taken its seats all the same: such a seat is no
 * oversell when the map shows it as the own seat ({@code heldByYou}) of the customer who sent that attempt.
 *
 * <p>Oversells are seats in two holds, seats taken that nothing explains, seats shown as a customer's own that
 * the customer neither was given nor asked for in an unanswered attempt, and seats beyond the show's capacity.
 * Seats of a successful hold that the map does not show as held (or not as the customer's) are no oversell but
 * an inconsistency; both fail the run.
 *
 * @param doubleHeld seats that were in a second live successful hold
 * @param takenWithoutHold seats the map shows taken (not {@code AVAILABLE}) that nothing explains
 * @param takenByUnanswered seats the map shows taken, not in a successful hold, but shown as the own seat of a
 *        customer whose unanswered attempt asked for it
 * @param heldSeatsNotShown seats of live successful holds the map does not show as {@code HELD}
 * @param expiredHolds successful holds that had ended before the map was read; not expected on it
 * @param seatsTaken seats of the live successful holds, plus those taken by unanswered attempts
 * @param overCapacity seats taken beyond the show's capacity
 * @param customersChecked customers whose own view of the map was checked for {@code heldByYou}
 * @param shownAsOthersOwn seats shown to a customer as {@code heldByYou} that are not the customer's
 * @param ownSeatsNotShown seats of a customer's successful holds not shown to that customer as {@code heldByYou}
 */
record OversellCheck(int capacity, int doubleHeld, int takenWithoutHold, int takenByUnanswered, int heldSeatsNotShown,
        int expiredHolds, int seatsTaken, int overCapacity, int customersChecked, int shownAsOthersOwn,
        int ownSeatsNotShown) {

    /**
     * @param holds every successful hold of the run
     * @param unanswered every hold attempt of the run whose answer never came (or was a 5xx)
     * @param finalStatuses every seat's status on the map read after the run, at {@code checkedAt}
     * @param heldByYou per customer checked, the seats the map showed that customer as {@code heldByYou}
     */
    static OversellCheck of(int capacity, List<SuccessfulHold> holds, List<UnansweredHold> unanswered,
            Map<String, String> finalStatuses, Instant checkedAt, Map<Integer, Set<String>> heldByYou) {
        List<SuccessfulHold> inOrder = new ArrayList<>(holds);
        inOrder.sort(Comparator.comparing(SuccessfulHold::answeredAt));
        Map<String, SuccessfulHold> holderOf = new HashMap<>();
        int doubleHeld = 0;
        for (SuccessfulHold hold : inOrder) {
            for (String seat : hold.seatIds()) {
                SuccessfulHold earlier = holderOf.get(seat);
                if (earlier != null && hold.answeredAt().isBefore(earlier.expiresAt())) {
                    doubleHeld++;
                }
                holderOf.put(seat, hold);
            }
        }

        List<SuccessfulHold> live = inOrder.stream().filter(hold -> hold.expiresAt().isAfter(checkedAt)).toList();
        Set<String> liveSeats = new HashSet<>();
        Map<Integer, Set<String>> given = new HashMap<>();
        for (SuccessfulHold hold : live) {
            liveSeats.addAll(hold.seatIds());
            given.computeIfAbsent(hold.customer(), customer -> new HashSet<>()).addAll(hold.seatIds());
        }
        // what each customer may own besides its successful holds: seats it asked for without learning the outcome
        Map<Integer, Set<String>> askedFor = new HashMap<>();
        for (UnansweredHold attempt : unanswered) {
            attempt.seatIds().stream().filter(seat -> !liveSeats.contains(seat))
                    .forEach(seat -> askedFor.computeIfAbsent(attempt.customer(), customer -> new HashSet<>()).add(seat));
        }

        int shownAsOthersOwn = 0;
        int ownSeatsNotShown = 0;
        Set<String> takenByAskers = new HashSet<>();
        for (var customer : heldByYou.entrySet()) {
            Set<String> own = given.getOrDefault(customer.getKey(), Set.of());
            Set<String> asked = askedFor.getOrDefault(customer.getKey(), Set.of());
            for (String seat : customer.getValue()) {
                if (asked.contains(seat)) {
                    takenByAskers.add(seat);
                }
                else if (!own.contains(seat)) {
                    shownAsOthersOwn++;
                }
            }
            ownSeatsNotShown += (int) own.stream().filter(seat -> !customer.getValue().contains(seat)).count();
        }

        int takenWithoutHold = 0;
        int takenByUnanswered = 0;
        for (var seat : finalStatuses.entrySet()) {
            if (SeatMapView.AVAILABLE.equals(seat.getValue()) || liveSeats.contains(seat.getKey())) {
                continue;
            }
            if (takenByAskers.contains(seat.getKey())) {
                takenByUnanswered++;
            }
            else {
                takenWithoutHold++;
            }
        }
        int heldSeatsNotShown = (int) liveSeats.stream().filter(seat -> !"HELD".equals(finalStatuses.get(seat))).count();
        int seatsTaken = live.stream().mapToInt(hold -> hold.seatIds().size()).sum() + takenByUnanswered;
        return new OversellCheck(capacity, doubleHeld, takenWithoutHold, takenByUnanswered, heldSeatsNotShown,
                holds.size() - live.size(), seatsTaken, Math.max(0, seatsTaken - capacity), heldByYou.size(),
                shownAsOthersOwn, ownSeatsNotShown);
    }

    long oversells() {
        return (long) doubleHeld + takenWithoutHold + shownAsOthersOwn + overCapacity;
    }

    long inconsistencies() {
        return (long) heldSeatsNotShown + ownSeatsNotShown;
    }

    boolean passed() {
        return oversells() == 0 && inconsistencies() == 0;
    }

    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "(a) seats in two live successful holds: %,d", doubleHeld));
        lines.add(String.format(Locale.ROOT, "(b) final seat map: %,d seats taken that no hold explains, %,d seats "
                + "of successful holds not shown HELD%s", takenWithoutHold, heldSeatsNotShown,
                expiredHolds == 0 ? "" : String.format(Locale.ROOT, " (%,d holds had expired and were not expected)",
                        expiredHolds)));
        if (takenByUnanswered > 0) {
            lines.add(String.format(Locale.ROOT, "    %,d seats taken by hold attempts whose answer never came (timeout "
                    + "or 5xx), each shown as its own to the customer who asked for it", takenByUnanswered));
        }
        lines.add(customersChecked == 0 ? "    heldByYou: not checked"
                : String.format(Locale.ROOT, "    heldByYou, each customer's own view: %,d customers, %,d seats shown as "
                        + "theirs that are not, %,d of their seats not shown as theirs", customersChecked,
                        shownAsOthersOwn, ownSeatsNotShown));
        lines.add(String.format(Locale.ROOT, "(c) seats taken: %,d of %,d%s", seatsTaken, capacity,
                overCapacity == 0 ? "" : String.format(Locale.ROOT, ", %,d too many", overCapacity)));
        return lines;
    }
}
