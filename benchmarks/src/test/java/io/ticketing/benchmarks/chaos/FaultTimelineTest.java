package io.ticketing.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class FaultTimelineTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    private static final FaultRecord READ_ONLY = new FaultRecord(new Fault(FaultKind.DATABASE_READ_ONLY,
            Component.BOOKING, Duration.ofSeconds(10)), T0, T0.plusSeconds(10), Duration.ofSeconds(5), "", false, null);
    private static final FaultRecord SKIPPED = new FaultRecord(new Fault(FaultKind.KAFKA_PAUSE, Component.KAFKA,
            Duration.ofSeconds(10)), T0.plusSeconds(20), T0.plusSeconds(20), null, "", true, null);
    private static final FaultRecord KILLED = new FaultRecord(new Fault(FaultKind.KILL_SERVICE, Component.CATALOG,
            Duration.ZERO), T0.plusSeconds(60), T0.plusSeconds(60), null, "", false, "readiness: ConnectException");

    private final FaultTimeline timeline = new FaultTimeline(List.of(READ_ONLY, SKIPPED, KILLED));

    @Test
    void aMomentBetweenAFaultAndItsRecoveryIsDuringIt() {
        assertThat(timeline.when(T0.plusSeconds(12))).isEqualTo("during #1 db-read-only booking-service 10 s");
    }

    @Test
    void aMomentAfterARecoveryIsCountedFromItAndGroupedWithTheOthersUntilTheNextFault() {
        assertThat(timeline.when(T0.plusSeconds(20))).isEqualTo("5 s after #1 db-read-only booking-service 10 s was "
                + "recovered from");
        assertThat(timeline.group(T0.plusSeconds(20))).isEqualTo(timeline.group(T0.plusSeconds(28)))
                .isEqualTo("after #1 db-read-only booking-service 10 s was recovered from");
    }

    @Test
    void twoFaultsInForceAreBothNamedAndMoreAreCounted() {
        var booking = new FaultRecord(new Fault(FaultKind.KILL_SERVICE, Component.BOOKING, Duration.ZERO),
                T0.plusSeconds(90), T0.plusSeconds(90), Duration.ofSeconds(30), "", false, null);
        var payment = new FaultRecord(new Fault(FaultKind.KILL_SERVICE, Component.PAYMENT, Duration.ZERO),
                T0.plusSeconds(95), T0.plusSeconds(95), Duration.ofSeconds(30), "", false, null);

        assertThat(new FaultTimeline(List.of(READ_ONLY, SKIPPED, KILLED, booking)).when(T0.plusSeconds(100)))
                .isEqualTo("during #3 kill-service catalog-service and #4 kill-service booking-service");
        assertThat(new FaultTimeline(List.of(READ_ONLY, SKIPPED, KILLED, booking, payment)).when(T0.plusSeconds(100)))
                .isEqualTo("during #5 kill-service payment-service (and 2 earlier faults still in force)");
    }

    @Test
    void aFaultNeverRecoveredFromLastsForEverAndSkippedFaultsDoNotCount() {
        assertThat(timeline.when(T0.plusSeconds(600))).isEqualTo("during #3 kill-service catalog-service");
        assertThat(timeline.when(T0.minus(FaultTimeline.SOON).minusSeconds(1))).isEqualTo("before any fault");
    }

    @Test
    void aMomentShortlyBeforeAFaultIsNamedAfterIt() {
        assertThat(timeline.when(T0.minusSeconds(2))).isEqualTo("2 s before #1 db-read-only booking-service 10 s");
        assertThat(timeline.group(T0.minusSeconds(2))).isEqualTo("just before #1 db-read-only booking-service 10 s");
        assertThat(timeline.when(T0.plusSeconds(50))).as("nearer #3's start than #1's recovery")
                .isEqualTo("10 s before #3 kill-service catalog-service");
        assertThat(timeline.when(T0.plusSeconds(35))).as("nearer #1's recovery").startsWith("20 s after #1");
    }
}
