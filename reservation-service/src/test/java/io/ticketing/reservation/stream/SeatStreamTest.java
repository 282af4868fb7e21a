package io.ticketing.reservation.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.ticketing.reservation.seating.SeatChange;
import io.ticketing.reservation.seating.SeatSnapshot;
import io.ticketing.reservation.seating.SeatStatus;

/** The ordering rules of one client's stream, without Redis or HTTP. */
class SeatStreamTest {

    private final UUID showId = UUID.randomUUID();
    private final RecordingSink sink = new RecordingSink();
    private final ManualExecutor writers = new ManualExecutor();
    private final List<SeatStream> resyncs = new ArrayList<>();
    private int closes;
    private final SeatStream stream = new SeatStream(showId, sink, writers, 5, Duration.ZERO, resyncs::add,
            () -> closes++);

    @Test
    void sendsTheSnapshotThenEachChangeInOrder() {
        stream.synced(snapshot(7));
        writers.runAll();
        stream.changed(change(8));
        writers.runAll();
        stream.changed(change(9));
        writers.runAll();

        assertThat(sink.sent).containsExactly("snapshot#7", "seats#8", "seats#9");
    }

    @Test
    void sendsTheChangesThatCameWhileItWroteInOneEvent() {
        stream.synced(snapshot(7));
        stream.changed(new SeatChange(showId, 8, List.of(new SeatStatus("A1", "HELD"), new SeatStatus("A2", "HELD"))));
        stream.changed(new SeatChange(showId, 9, List.of(new SeatStatus("A2", "AVAILABLE"))));
        stream.changed(new SeatChange(showId, 10, List.of(new SeatStatus("B7", "SOLD"))));
        writers.runAll();

        assertThat(sink.sent).containsExactly("snapshot#7", "seats#10");
        assertThat(sink.data.getLast()).isEqualTo(new StreamedChanges(showId, 8, 10, List.of(
                new SeatStatus("A1", "HELD"), new SeatStatus("A2", "AVAILABLE"), new SeatStatus("B7", "SOLD"))));
    }

    @Test
    void waitsTheEventIntervalAfterAChangeSoThatTheNextOnesGoTogether() throws Exception {
        var paced = new SeatStream(showId, sink, Executors.newVirtualThreadPerTaskExecutor(), 5, Duration.ofMillis(300),
                resyncs::add, () -> closes++);
        paced.synced(snapshot(1));
        paced.changed(change(2));
        Thread.sleep(100); // the change went out at once; the next ones wait for the interval
        paced.changed(change(3));
        paced.changed(change(4));
        Thread.sleep(50);
        synchronized (sink) {
            assertThat(sink.sent).containsExactly("snapshot#1", "seats#2");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            synchronized (sink) {
                assertThat(sink.sent).containsExactly("snapshot#1", "seats#2", "seats#4");
            }
        });
        paced.close();
    }

    @Test
    void holdsBackChangesWhileTheSnapshotIsReadAndDropsThoseItContains() {
        stream.changed(change(6));
        stream.changed(change(7));
        stream.changed(change(8));
        writers.runAll();
        assertThat(sink.sent).isEmpty();

        stream.synced(snapshot(7));
        writers.runAll();

        assertThat(sink.sent).containsExactly("snapshot#7", "seats#8");
    }

    @Test
    void dropsAChangeItSentAlready() {
        stream.synced(snapshot(3));
        stream.changed(change(4));
        stream.changed(change(4));
        stream.changed(change(2));
        writers.runAll();

        assertThat(sink.sent).containsExactly("snapshot#3", "seats#4");
    }

    @Test
    void startsOverFromAFreshSnapshotWhenAChangeIsMissing() {
        stream.synced(snapshot(3));
        stream.changed(change(4));
        stream.changed(change(6));
        stream.changed(change(7));
        writers.runAll();
        assertThat(resyncs).containsExactly(stream);
        assertThat(sink.sent).containsExactly("snapshot#3", "seats#4");

        stream.synced(snapshot(6));
        writers.runAll();

        assertThat(sink.sent).containsExactly("snapshot#3", "seats#4", "snapshot#6", "seats#7");
    }

    @Test
    void catchesUpWithTheSeatsThatDifferWhenItStoppedWhereTheFillStarts() {
        stream.synced(snapshot(3));
        stream.changed(change(4));
        stream.changed(change(7));
        stream.changed(change(8));
        stream.changed(change(9));
        writers.runAll();
        assertThat(stream.resumeFrom()).isEqualTo(4);

        var snapshot = new SeatSnapshot(showId, 8, List.of(new SeatStatus("A1", "HELD"), new SeatStatus("B2", "SOLD")));
        stream.filled(new SeatCopy.Fill(4, snapshot, List.of(new SeatStatus("B2", "SOLD"))));
        writers.runAll();

        assertThat(sink.sent).containsExactly("snapshot#3", "seats#4", "seats#9");
        assertThat(sink.data.getLast()).as("the fill, 5 to 8, and change 9 after it").isEqualTo(new StreamedChanges(
                showId, 5, 9, List.of(new SeatStatus("B2", "SOLD"), new SeatStatus("A1", "HELD"))));
    }

    @Test
    void goesOnWithoutAnEventWhenTheFillIsEmpty() {
        stream.synced(snapshot(3));
        stream.unsynced();
        stream.changed(change(4));

        stream.filled(new SeatCopy.Fill(3, snapshot(3), List.of()));
        writers.runAll();

        assertThat(sink.sent).containsExactly("snapshot#3", "seats#4");
    }

    @Test
    void getsTheWholeSnapshotWhenTheFillStartsElsewhere() {
        stream.synced(snapshot(3));
        stream.changed(change(5));
        writers.runAll();

        stream.filled(new SeatCopy.Fill(4, snapshot(6), List.of(new SeatStatus("A1", "AVAILABLE"))));
        writers.runAll();

        assertThat(sink.sent).containsExactly("snapshot#3", "snapshot#6");
    }

    @Test
    void startsOverWhenTheSubscriptionWasRenewed() {
        stream.synced(snapshot(1));
        stream.unsynced();
        stream.changed(change(2));

        assertThat(resyncs).containsExactly(stream);
        stream.synced(snapshot(2));
        writers.runAll();
        assertThat(sink.sent).containsExactly("snapshot#1", "snapshot#2");
    }

    @Test
    void sendsHeartbeatsOnlyWhenIdle() {
        stream.synced(snapshot(1));
        stream.heartbeat();
        writers.runAll();
        stream.heartbeat();
        writers.runAll();

        assertThat(sink.sent).containsExactly("snapshot#1", "heartbeat");
    }

    @Test
    void disconnectsAClientWhoseSnapshotFallsTooFarBehind() {
        for (int seq = 1; seq <= 6; seq++) {
            stream.changed(change(seq));
        }
        writers.runAll();

        assertThat(sink.closed).isTrue();
        assertThat(closes).isEqualTo(1);
        assertThat(sink.sent).isEmpty();
        stream.ended();
        assertThat(closes).as("forgotten once").isEqualTo(1);
    }

    @Test
    void forgetsAStreamWhoseClientWentAway() {
        sink.failing = true;
        stream.synced(snapshot(1));
        writers.runAll();

        assertThat(closes).isEqualTo(1);
        stream.changed(change(2));
        writers.runAll();
        assertThat(sink.sent).isEmpty();
    }

    private SeatSnapshot snapshot(long sequence) {
        return new SeatSnapshot(showId, sequence, List.of(new SeatStatus("A1", "AVAILABLE")));
    }

    private SeatChange change(long sequence) {
        return new SeatChange(showId, sequence, List.of(new SeatStatus("A1", "HELD")));
    }
}
