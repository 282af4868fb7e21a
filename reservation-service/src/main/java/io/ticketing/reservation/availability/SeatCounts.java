package io.ticketing.reservation.availability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.ticketing.events.reservation.SeatAvailabilityChanged.SeatTypeCount;
import io.ticketing.reservation.seating.SeatSnapshot;
import io.ticketing.reservation.seating.SeatStatus;
import io.ticketing.reservation.seating.SeatingPlan;

/** Counts a show's seats per type: all of them, and those a customer could hold now. */
final class SeatCounts {

    private SeatCounts() {
    }

    /**
     * Per seat type of the plan: how many seats it has and how many are {@code AVAILABLE} (held, sold and
     * blocked seats are not). A seat of the plan that Redis does not know counts as available, as the seat
     * map shows it.
     */
    static List<SeatTypeCount> of(SeatingPlan plan, SeatSnapshot snapshot) {
        Map<String, Boolean> available = new HashMap<>(snapshot.seats().size() * 2);
        for (SeatStatus seat : snapshot.seats()) {
            available.put(seat.seatId(), seat.available());
        }
        Map<String, int[]> byType = new TreeMap<>();
        plan.seatTypes().forEach((seatId, type) -> {
            int[] counts = byType.computeIfAbsent(type, t -> new int[2]);
            counts[0]++;
            if (available.getOrDefault(seatId, Boolean.TRUE)) {
                counts[1]++;
            }
        });
        return byType.entrySet().stream()
                .map(entry -> new SeatTypeCount(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
    }
}
