package io.ticketing.reservation.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ticketing.events.reservation.SeatAvailabilityChanged.SeatTypeCount;
import io.ticketing.reservation.seating.SeatSnapshot;
import io.ticketing.reservation.seating.SeatStatus;
import io.ticketing.reservation.seating.SeatingPlan;

class SeatCountsTest {

    @Test
    void countsOnlyAvailableSeatsAsAvailablePerType() {
        UUID showId = UUID.randomUUID();
        var plan = new SeatingPlan(showId, Map.of("A1", "PREMIUM", "A2", "PREMIUM", "B1", "REGULAR", "B2", "REGULAR",
                "B3", "REGULAR", "B4", "REGULAR"), Map.of(), Instant.EPOCH, Instant.MAX, false, List.of());
        var snapshot = new SeatSnapshot(showId, 9, List.of(SeatStatus.of("A1", "HELD:" + UUID.randomUUID()),
                SeatStatus.of("A2", "AVAILABLE"), SeatStatus.of("B1", "SOLD"), SeatStatus.of("B2", "BLOCKED"),
                SeatStatus.of("B3", "AVAILABLE")));

        assertThat(SeatCounts.of(plan, snapshot)).containsExactly(new SeatTypeCount("PREMIUM", 2, 1),
                new SeatTypeCount("REGULAR", 4, 2));
    }
}
