package io.ticketing.reservation.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.ticketing.reservation.seating.SeatChange;
import io.ticketing.reservation.seating.SeatSnapshot;
import io.ticketing.reservation.seating.SeatStatus;

/** The copy of a show's seats that fills a gap in its changes with the seats that differ, without Redis. */
class SeatCopyTest {

    private final UUID showId = UUID.randomUUID();
    private final SeatCopy copy = new SeatCopy(showId, 4);

    @Test
    void fillsAGapWithTheSeatsThatDifferFromTheSnapshotReadAfterIt() {
        copy.read(snapshot(10, "A1=AVAILABLE", "A2=AVAILABLE", "A3=AVAILABLE", "A4=AVAILABLE"));
        assertThat(copy.changed(change(11, "A1=HELD"))).isEqualTo(SeatCopy.Next.NOTHING);
        assertThat(copy.fillFrom(11)).as("not stale").isNull();

        // 12 (A2 held, A4 held) and 13 (A4 available again) were lost; 14 sells A1
        assertThat(copy.changed(change(14, "A1=SOLD"))).isEqualTo(SeatCopy.Next.READ);
        CompletableFuture<SeatCopy.Fill> fill = copy.fillFrom(11);
        assertThat(fill).isNotNull();
        assertThat(copy.fillFrom(10)).as("only for streams stopped where the copy did").isNull();
        assertThat(copy.changed(change(15, "A3=HELD"))).as("waits for the snapshot").isEqualTo(SeatCopy.Next.NOTHING);
        assertThat(copy.changed(change(16, "A3=AVAILABLE"))).isEqualTo(SeatCopy.Next.NOTHING);

        var snapshot = snapshot(15, "A1=SOLD", "A2=HELD", "A3=HELD", "A4=AVAILABLE");
        assertThat(copy.read(snapshot)).isEqualTo(SeatCopy.Next.NOTHING);

        assertThat(fill).isCompletedWithValue(new SeatCopy.Fill(11, snapshot, List.of(
                new SeatStatus("A1", "SOLD"), new SeatStatus("A2", "HELD"), new SeatStatus("A3", "HELD"))));
        // the copy goes on from the snapshot with the change after it (16), and follows the next ones
        assertThat(copy.changed(change(17, "A4=HELD"))).isEqualTo(SeatCopy.Next.NOTHING);
        assertThat(copy.changed(change(19, "A4=SOLD"))).isEqualTo(SeatCopy.Next.READ);
        var filled = copy.fillFrom(17);
        copy.read(snapshot(19, "A1=SOLD", "A2=HELD", "A3=AVAILABLE", "A4=SOLD"));
        assertThat(filled.join().seats()).containsExactly(new SeatStatus("A4", "SOLD"));
    }

    @Test
    void staysStaleOnASnapshotOlderThanItself() {
        copy.read(snapshot(10, "A1=AVAILABLE"));
        copy.changed(change(12, "A1=HELD"));
        var fill = copy.fillFrom(10);

        assertThat(copy.read(snapshot(9, "A1=AVAILABLE"))).isEqualTo(SeatCopy.Next.NOTHING);

        assertThat(fill).isNotDone();
        assertThat(copy.fillFrom(10)).isSameAs(fill);
    }

    @Test
    void goesStaleAgainWhenTheChangesAfterTheSnapshotDoNotFollowIt() {
        copy.read(snapshot(10, "A1=AVAILABLE", "A2=AVAILABLE"));
        copy.changed(change(12, "A1=HELD"));
        var first = copy.fillFrom(10);
        copy.changed(change(14, "A2=HELD"));

        // read between the two gaps: 11 and 12 are in it, 13 is still missing
        assertThat(copy.read(snapshot(12, "A1=HELD", "A2=AVAILABLE"))).isEqualTo(SeatCopy.Next.READ);

        assertThat(first).isCompletedWithValueMatching(fill -> fill.seats().equals(List.of(new SeatStatus("A1",
                "HELD"))));
        var second = copy.fillFrom(12);
        assertThat(second).isNotNull().isNotDone();
        copy.read(snapshot(14, "A1=HELD", "A2=HELD"));
        assertThat(second.join().seats()).containsExactly(new SeatStatus("A2", "HELD"));
    }

    @Test
    void startsFromTheFirstSnapshotWithTheChangesThatCameMeanwhile() {
        copy.changed(change(5, "A1=HELD"));
        copy.changed(change(6, "A2=HELD"));
        copy.changed(change(7, "A1=AVAILABLE"));

        assertThat(copy.read(snapshot(5, "A1=HELD", "A2=AVAILABLE"))).isEqualTo(SeatCopy.Next.NOTHING);

        copy.changed(change(9, "A2=SOLD"));
        var fill = copy.fillFrom(7);
        copy.read(snapshot(9, "A1=AVAILABLE", "A2=SOLD"));
        assertThat(fill.join().seats()).as("6 and 7 were applied").containsExactly(new SeatStatus("A2", "SOLD"));
    }

    @Test
    void fillsAfterARenewedSubscription() {
        assertThat(copy.resubscribed()).as("nothing to fill yet").isEqualTo(SeatCopy.Next.NOTHING);
        copy.read(snapshot(3, "A1=AVAILABLE"));

        assertThat(copy.resubscribed()).isEqualTo(SeatCopy.Next.READ);
        var fill = copy.fillFrom(3);
        copy.read(snapshot(8, "A1=BLOCKED"));

        assertThat(fill.join()).isEqualTo(new SeatCopy.Fill(3, snapshot(8, "A1=BLOCKED"),
                List.of(new SeatStatus("A1", "BLOCKED"))));
    }

    @Test
    void fillsWithNothingWhenNothingChangedAfterARenewedSubscription() {
        copy.read(snapshot(3, "A1=AVAILABLE"));
        copy.resubscribed();
        var fill = copy.fillFrom(3);

        copy.read(snapshot(3, "A1=AVAILABLE"));

        assertThat(fill.join().seats()).isEmpty();
        assertThat(copy.changed(change(4, "A1=HELD"))).isEqualTo(SeatCopy.Next.NOTHING);
    }

    @Test
    void startsOverWhenTooManyChangesWaitAndTellsWhoeverWaitsForTheFill() {
        copy.read(snapshot(1, "A1=AVAILABLE"));
        copy.changed(change(3, "A1=HELD"));
        var fill = copy.fillFrom(1);
        for (int sequence = 4; sequence <= 6; sequence++) {
            assertThat(copy.changed(change(sequence, "A1=HELD"))).isEqualTo(SeatCopy.Next.NOTHING);
        }

        assertThat(copy.changed(change(7, "A1=SOLD"))).isEqualTo(SeatCopy.Next.READ);

        assertThat(fill).isCompletedExceptionally();
        assertThat(copy.fillFrom(1)).isNull();
        copy.read(snapshot(7, "A1=SOLD"));
        assertThat(copy.changed(change(8, "A1=AVAILABLE"))).as("started again").isEqualTo(SeatCopy.Next.NOTHING);
    }

    @Test
    void failsTheFillWhenTheSnapshotCannotBeRead() {
        copy.read(snapshot(1, "A1=AVAILABLE"));
        copy.changed(change(3, "A1=HELD"));
        var fill = copy.fillFrom(1);

        copy.readFailed(new IllegalStateException("Redis is down"));

        assertThat(fill).isCompletedExceptionally();
        assertThat(copy.fillFrom(1)).isNull();
    }

    private SeatSnapshot snapshot(long sequence, String... seats) {
        return new SeatSnapshot(showId, sequence, statuses(seats));
    }

    private SeatChange change(long sequence, String... seats) {
        return new SeatChange(showId, sequence, statuses(seats));
    }

    private static List<SeatStatus> statuses(String... seats) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (String seat : seats) {
            statuses.put(seat.substring(0, seat.indexOf('=')), seat.substring(seat.indexOf('=') + 1));
        }
        return statuses.entrySet().stream().map(entry -> new SeatStatus(entry.getKey(), entry.getValue())).toList();
    }
}
