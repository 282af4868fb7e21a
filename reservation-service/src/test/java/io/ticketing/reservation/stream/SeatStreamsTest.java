package io.ticketing.reservation.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketing.reservation.seating.SeatChange;
import io.ticketing.reservation.seating.SeatSnapshot;
import io.ticketing.reservation.seating.SeatStatus;

/**
 * A show's streams past a gap in its changes, without Redis or HTTP. Snapshots are read, and events written, on the
 * thread that asks: the quickest a read can be, which is when a stream that asked for the copy's fill only after the
 * read could find it gone.
 */
class SeatStreamsTest {

    private final UUID showId = UUID.randomUUID();
    /** The show's seats as Redis has them, after change {@link #sequence}. */
    private final Map<String, String> seats = new LinkedHashMap<>(Map.of("A1", "AVAILABLE", "B5", "AVAILABLE"));
    private long sequence = 7;
    private int reads;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SeatStreams streams = new SeatStreams(this::read,
            new StreamProperties(10, Duration.ofSeconds(15), Duration.ofMinutes(30), 100, Duration.ZERO), meters,
            Runnable::run);

    @Test
    void bringsEveryStreamPastALostChangeWithTheSeatsThatDifferFromOneRead() {
        var ana = new RecordingSink();
        var ben = new RecordingSink();
        streams.open(showId, ana);
        streams.open(showId, ben);
        int opened = reads;

        change("B5", "BLOCKED"); // Redis delivered it to no one
        streams.changed(change("A1", "HELD"));

        for (var sink : List.of(ana, ben)) {
            assertThat(sink.sent).containsExactly("snapshot#7", "seats#9");
            var event = (StreamedChanges) sink.data.getLast();
            assertThat(event.firstSequence()).isEqualTo(8);
            assertThat(event.seats()).containsExactlyInAnyOrder(new SeatStatus("A1", "HELD"),
                    new SeatStatus("B5", "BLOCKED"));
        }
        assertThat(reads - opened).as("one read for both").isEqualTo(1);
        assertThat(meters.counter("ticketing.streams.fills", "stream", "seat-map").count()).isEqualTo(2);

        streams.changed(change("A1", "AVAILABLE"));
        assertThat(ana.sent).containsExactly("snapshot#7", "seats#9", "seats#10");
        assertThat(ben.sent).containsExactly("snapshot#7", "seats#9", "seats#10");
    }

    @Test
    void bringsEveryStreamPastARenewedSubscriptionWithTheSeatsThatDifferFromOneRead() {
        var ana = new RecordingSink();
        var ben = new RecordingSink();
        streams.open(showId, ana);
        streams.open(showId, ben);
        int opened = reads;

        change("B5", "SOLD"); // published while the subscription was down
        streams.resubscribed();

        for (var sink : List.of(ana, ben)) {
            assertThat(sink.sent).containsExactly("snapshot#7", "seats#8");
            assertThat(sink.data.getLast())
                    .isEqualTo(new StreamedChanges(showId, 8, 8, List.of(new SeatStatus("B5", "SOLD"))));
        }
        assertThat(reads - opened).isEqualTo(1);
    }

    /** Changes a seat in "Redis"; returns the change as it would be published. */
    private SeatChange change(String seatId, String status) {
        seats.put(seatId, status);
        sequence++;
        return new SeatChange(showId, sequence, List.of(new SeatStatus(seatId, status)));
    }

    private SeatSnapshot read(UUID show) {
        reads++;
        return new SeatSnapshot(show, sequence,
                seats.entrySet().stream().map(seat -> new SeatStatus(seat.getKey(), seat.getValue())).toList());
    }
}
