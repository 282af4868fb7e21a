package io.ticketing.reservation.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

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
    private final SeatStream stream = new SeatStream(showId, sink, writers, 5, resyncs::add, () -> closes++);

    @Test
    void sendsTheSnapshotThenEachChangeInOrder() {
        stream.synced(snapshot(7));
        stream.changed(change(8));
        stream.changed(change(9));
        writers.runAll();

        assertThat(sink.sent).containsExactly("snapshot#7", "seats#8", "seats#9");
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
    void disconnectsAClientThatFallsTooFarBehind() {
        stream.synced(snapshot(0));
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

    private static final class RecordingSink implements StreamSink {
        final List<String> sent = new ArrayList<>();
        boolean closed;
        boolean failing;

        @Override
        public void send(String event, long id, Object data) throws IOException {
            if (failing) {
                throw new IOException("broken pipe");
            }
            sent.add(event + "#" + id);
        }

        @Override
        public void heartbeat() {
            sent.add("heartbeat");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class ManualExecutor implements Executor {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }
}
