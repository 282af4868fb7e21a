package io.ticketing.reservation.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.reservation.seating.SeatingPlan;

class OffersTest {

    /** Row A: 1 2 | 3 4 5 (aisle after A2); row B: 1 2 3. */
    private static final SeatingPlan PLAN = new SeatingPlan(UUID.randomUUID(), Map.of(), Map.of(), Instant.EPOCH,
            Instant.MAX, false, List.of(
                    new ShowScheduled.Row("A", List.of(seat("A1", false), seat("A2", true), seat("A3", false),
                            seat("A4", false), seat("A5", false))),
                    new ShowScheduled.Row("B", List.of(seat("B1", false), seat("B2", false), seat("B3", false)))));

    @Test
    void picksTheFirstRunOfSideBySideSeatsThatFits() {
        assertThat(Offers.pick(PLAN, kept("A1", "A3", "A4", "B1", "B2", "B3"), 2)).hasValue(List.of("A3", "A4"));
        assertThat(Offers.pick(PLAN, kept("A1", "A3", "A4", "B1", "B2", "B3"), 3)).hasValue(List.of("B1", "B2", "B3"));
    }

    @Test
    void anAisleSplitsARun() {
        assertThat(Offers.pick(PLAN, kept("A2", "A3", "B2", "B3"), 2)).as("A2 | A3 are not side by side")
                .hasValue(List.of("B2", "B3"));
    }

    @Test
    void fallsBackToTheLongestRunsAndNeverPicksSeatsThatAreNotKept() {
        assertThat(Offers.pick(PLAN, kept("A1", "A4", "A5", "B2"), 3)).hasValue(List.of("A4", "A5", "A1"));
        assertThat(Offers.pick(PLAN, kept("A1", "B2"), 3)).isEmpty();
    }

    private static Map<String, String> kept(String... seats) {
        Map<String, String> statuses = new HashMap<>();
        for (String seat : List.of("A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3")) {
            statuses.put(seat, "AVAILABLE");
        }
        for (String seat : seats) {
            statuses.put(seat, "KEPT");
        }
        return statuses;
    }

    private static ShowScheduled.Seat seat(String id, boolean aisleAfter) {
        return new ShowScheduled.Seat(id, Integer.parseInt(id.substring(1)), "REGULAR", aisleAfter);
    }
}
