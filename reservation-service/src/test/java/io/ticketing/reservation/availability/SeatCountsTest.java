package io.ticketing.reservation.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ticketing.events.reservation.SeatAvailabilityChanged.SeatTypeCount;
import io.ticketing.reservation.seating.SeatChange;
import io.ticketing.reservation.seating.SeatSnapshot;
import io.ticketing.reservation.seating.SeatStatus;
import io.ticketing.reservation.seating.SeatingPlan;

class SeatCountsTest {

    private final UUID showId = UUID.randomUUID();
    private final SeatingPlan plan = new SeatingPlan(showId, Map.of("A1", "PREMIUM", "A2", "PREMIUM", "B1", "REGULAR",
            "B2", "REGULAR", "B3", "REGULAR", "B4", "REGULAR"), Map.of(), Instant.EPOCH, Instant.MAX, false, List.of());

    private SeatSnapshot snapshot(long sequence) {
        return new SeatSnapshot(showId, sequence, List.of(SeatStatus.of("A1", "HELD:" + UUID.randomUUID()),
                SeatStatus.of("A2", "AVAILABLE"), SeatStatus.of("B1", "SOLD"), SeatStatus.of("B2", "BLOCKED"),
                SeatStatus.of("B3", "AVAILABLE")));
    }

    private SeatChange change(long sequence, String... seatStatus) {
        List<SeatStatus> seats = new java.util.ArrayList<>();
        for (int i = 0; i < seatStatus.length; i += 2) {
            seats.add(new SeatStatus(seatStatus[i], seatStatus[i + 1]));
        }
        return new SeatChange(showId, sequence, seats);
    }

    @Test
    void countsOnlyAvailableSeatsAsAvailablePerTypeAndSeatsRedisDoesNotKnowAsAvailable() {
        SeatCounts counts = new SeatCounts(plan);
        counts.synced(snapshot(9));

        assertThat(counts.current()).isEqualTo(new SeatCounts.Current(9, List.of(new SeatTypeCount("PREMIUM", 2, 1),
                new SeatTypeCount("REGULAR", 4, 2))));
    }

    @Test
    void followsChangesWithoutCountingAgain() {
        SeatCounts counts = new SeatCounts(plan);
        counts.synced(snapshot(9));
        counts.changed(change(10, "A2", "HELD", "B1", "AVAILABLE"));
        counts.changed(change(11, "A2", "SOLD", "B4", "BLOCKED", "XX", "HELD"));
        counts.changed(change(11, "A1", "AVAILABLE")); // seen already

        assertThat(counts.current()).isEqualTo(new SeatCounts.Current(11, List.of(new SeatTypeCount("PREMIUM", 2, 0),
                new SeatTypeCount("REGULAR", 4, 2))));
    }

    @Test
    void changesThatArriveWhileTheSnapshotIsReadApplyAfterIt() {
        SeatCounts counts = new SeatCounts(plan);
        counts.unsync();
        counts.changed(change(9, "A1", "HELD")); // in the snapshot already
        counts.changed(change(10, "A2", "HELD"));
        assertThat(counts.isSynced()).isFalse();

        counts.synced(snapshot(9));

        assertThat(counts.current()).isEqualTo(new SeatCounts.Current(10, List.of(new SeatTypeCount("PREMIUM", 2, 0),
                new SeatTypeCount("REGULAR", 4, 2))));
    }

    @Test
    void aMissedChangeUnsyncsTheCountsUntilTheNextSnapshot() {
        SeatCounts counts = new SeatCounts(plan);
        counts.synced(snapshot(9));
        counts.changed(change(11, "A2", "HELD"));

        assertThat(counts.isSynced()).isFalse();
        assertThatThrownBy(counts::current).isInstanceOf(IllegalStateException.class);

        counts.unsync();
        counts.synced(snapshot(11));
        assertThat(counts.current().sequence()).isEqualTo(11);
    }

    @Test
    void aGapAmongTheChangesThatWaitedLeavesTheCountsUnsynced() {
        SeatCounts counts = new SeatCounts(plan);
        counts.unsync();
        counts.changed(change(12, "A2", "HELD"));

        counts.synced(snapshot(9));

        assertThat(counts.isSynced()).isFalse();
    }
}
