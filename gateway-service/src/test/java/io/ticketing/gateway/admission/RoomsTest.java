package io.ticketing.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Sinks;

class RoomsTest {

    private static final UUID SHOW = UUID.randomUUID();
    private static final UUID OTHER_SHOW = UUID.randomUUID();

    private final WaitingServiceGate gate = new WaitingServiceGate();
    private final Rooms rooms = new Rooms(gate, new AdmissionProperties(Duration.ofMillis(500)),
            new SimpleMeterRegistry());

    @Test
    void knowsNoRoomsUntilWaitingServiceAnswersOnce() {
        rooms.refresh().block();
        assertThat(rooms.known()).isFalse();
        assertThat(gate.lastReport()).isEmpty();

        gate.answers(new RoomsClient.OpenRoom(SHOW, 250));
        rooms.refresh().block();

        assertThat(rooms.known()).isTrue();
        assertThat(rooms.of(SHOW).slowAfterMillis()).isEqualTo(250);
        assertThat(rooms.of(OTHER_SHOW)).isNull();
    }

    @Test
    void keepsTheLastRoomsWhileWaitingServiceFails() {
        gate.answers(new RoomsClient.OpenRoom(SHOW, 250));
        rooms.refresh().block();

        gate.fails();
        rooms.refresh().block();

        assertThat(rooms.of(SHOW)).isNotNull();
    }

    @Test
    void reportsEveryRoomAndItsHoldsUntilAReportIsAccepted() {
        gate.answers(new RoomsClient.OpenRoom(SHOW, 250), new RoomsClient.OpenRoom(OTHER_SHOW, 250));
        rooms.refresh().block();
        rooms.of(SHOW).answered(rooms.of(SHOW).begin(System.nanoTime()), false);
        rooms.of(SHOW).answered(rooms.of(SHOW).begin(System.nanoTime()), true);

        gate.fails();
        rooms.refresh().block();
        rooms.of(SHOW).answered(rooms.of(SHOW).begin(System.nanoTime()), false);
        gate.answers(new RoomsClient.OpenRoom(SHOW, 250), new RoomsClient.OpenRoom(OTHER_SHOW, 250));
        rooms.refresh().block();

        assertThat(gate.lastReport()).containsExactlyInAnyOrder(new RoomsClient.ShowHolds(SHOW, 3, 0, 1),
                new RoomsClient.ShowHolds(OTHER_SHOW, 0, 0, 0));
        rooms.refresh().block();
        assertThat(gate.lastReport()).as("accepted, so told").containsExactlyInAnyOrder(
                new RoomsClient.ShowHolds(SHOW, 0, 0, 0), new RoomsClient.ShowHolds(OTHER_SHOW, 0, 0, 0));
    }

    @Test
    void keepsTheHoldsAnsweredWhileAReportIsOnItsWay() {
        gate.answers(new RoomsClient.OpenRoom(SHOW, 250));
        rooms.refresh().block();
        rooms.of(SHOW).answered(rooms.of(SHOW).begin(System.nanoTime()), false);
        Sinks.One<List<RoomsClient.OpenRoom>> accepted = Sinks.one();
        gate.answer = accepted.asMono();

        var reporting = rooms.refresh().toFuture();
        rooms.of(SHOW).answered(rooms.of(SHOW).begin(System.nanoTime()), true);
        accepted.tryEmitValue(List.of(new RoomsClient.OpenRoom(SHOW, 500)));
        reporting.join();
        gate.answers(new RoomsClient.OpenRoom(SHOW, 500));
        rooms.refresh().block();

        assertThat(gate.reports.get(1)).containsExactly(new RoomsClient.ShowHolds(SHOW, 1, 0, 0));
        assertThat(rooms.of(SHOW).slowAfterMillis()).as("the room changed, its tally stayed").isEqualTo(500);
        assertThat(gate.lastReport()).containsExactly(new RoomsClient.ShowHolds(SHOW, 1, 0, 1));
    }

    @Test
    void countsHoldsSlowerThanTheirRoomAllowsAndThoseStillUnansweredThatAreSlowAlready() throws Exception {
        gate.answers(new RoomsClient.OpenRoom(SHOW, 250), new RoomsClient.OpenRoom(OTHER_SHOW, 60_000));
        rooms.refresh().block();
        HoldTally.Hold answered = rooms.of(SHOW).begin(System.nanoTime());
        HoldTally.Hold stalled = rooms.of(SHOW).begin(System.nanoTime());
        HoldTally.Hold other = rooms.of(OTHER_SHOW).begin(System.nanoTime());
        Thread.sleep(300);

        rooms.of(SHOW).answered(answered, false);
        rooms.of(OTHER_SHOW).answered(other, false);
        rooms.refresh().block();

        assertThat(gate.lastReport()).containsExactlyInAnyOrder(new RoomsClient.ShowHolds(SHOW, 2, 2, 0),
                new RoomsClient.ShowHolds(OTHER_SHOW, 1, 0, 0));
        rooms.of(SHOW).answered(stalled, false);
        rooms.refresh().block();
        assertThat(gate.lastReport()).as("the stalled hold was counted already").containsExactlyInAnyOrder(
                new RoomsClient.ShowHolds(SHOW, 0, 0, 0), new RoomsClient.ShowHolds(OTHER_SHOW, 0, 0, 0));
    }

    @Test
    void forgetsARoomThatClosed() {
        gate.answers(new RoomsClient.OpenRoom(SHOW, 250), new RoomsClient.OpenRoom(OTHER_SHOW, 250));
        rooms.refresh().block();
        rooms.of(SHOW).answered(rooms.of(SHOW).begin(System.nanoTime()), false);
        rooms.of(OTHER_SHOW).answered(rooms.of(OTHER_SHOW).begin(System.nanoTime()), false);

        gate.answers(new RoomsClient.OpenRoom(SHOW, 250));
        rooms.refresh().block();
        rooms.refresh().block();

        assertThat(rooms.of(OTHER_SHOW)).isNull();
        assertThat(gate.reports.get(1)).as("its last holds were reported").containsExactlyInAnyOrder(
                new RoomsClient.ShowHolds(SHOW, 1, 0, 0), new RoomsClient.ShowHolds(OTHER_SHOW, 1, 0, 0));
        assertThat(gate.lastReport()).containsExactly(new RoomsClient.ShowHolds(SHOW, 0, 0, 0));
    }
}
