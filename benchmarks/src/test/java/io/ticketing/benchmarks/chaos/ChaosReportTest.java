package io.ticketing.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ticketing.benchmarks.chaos.InvariantResult.Violation;

class ChaosReportTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    private static FaultRecord killed(Component service, Duration recovery) {
        return new FaultRecord(new Fault(FaultKind.KILL_SERVICE, service, Duration.ZERO), T0, T0, recovery, "pid 1",
                false, recovery == null ? "readiness answered 503" : null);
    }

    @Test
    void recoveryTimesArePerKindWithTheirMedianAndMaximum() {
        List<FaultRecord> faults = List.of(killed(Component.BOOKING, Duration.ofSeconds(20)),
                killed(Component.PAYMENT, Duration.ofSeconds(40)), killed(Component.WAITING, Duration.ofSeconds(30)),
                killed(Component.CATALOG, null),
                new FaultRecord(new Fault(FaultKind.KAFKA_PAUSE, Component.KAFKA, Duration.ofSeconds(10)), T0, T0, null,
                        "in the launcher", true, null));

        assertThat(ChaosReport.recovery(faults)).contains("| kill-service |        4 |       0 |         3 |             1 |  30.0 |  40.0 |")
                .contains("| kafka-pause  |        0 |       1 |         0 |             0 |     - |     - |");
    }

    @Test
    void aFaultNotRecoveredFromSaysWhatTheProbesLastSawAndIsAViolation() {
        List<FaultRecord> faults = List.of(killed(Component.CATALOG, null), killed(Component.BOOKING, Duration.ofSeconds(3)));

        assertThat(ChaosReport.faults(faults)).contains("NOT RECOVERED").contains("last probe: readiness answered 503");
        assertThat(ChaosBenchmark.recovered(faults).violations()).singleElement().extracting(Violation::detail)
                .asString().startsWith("kill-service catalog-service at ");
    }

    @Test
    void listsTheFirstFewViolationsOfEachBrokenInvariant() {
        List<Violation> many = java.util.stream.IntStream.range(0, 7)
                .mapToObj(index -> new Violation("k" + index, "seat A" + index)).toList();
        List<String> lines = ChaosReport.examples(List.of(new InvariantResult("no seat sold twice", many),
                new InvariantResult("consumer lag zero", List.of())), new FaultTimeline(List.of()));

        assertThat(lines).containsExactly("no seat sold twice (7):", "  - seat A0", "  - seat A1", "  - seat A2",
                "  - seat A3", "  - seat A4", "  - ... 2 more");
    }

    @Test
    void namesTheFaultBeforeEachViolationWhoseTimeIsKnownAndCountsThemByFault() {
        var readOnly = new FaultRecord(new Fault(FaultKind.DATABASE_READ_ONLY, Component.BOOKING, Duration.ofSeconds(10)),
                T0, T0.plusSeconds(10), Duration.ofSeconds(5), "database booking", false, null);
        List<String> lines = ChaosReport.examples(List.of(new InvariantResult(Invariants.PAID_ONCE, List.of(
                new Violation("p1", "payment p1: money taken, neither booked nor refunded", T0.plusSeconds(3)),
                new Violation("p2", "payment p2: money taken, neither booked nor refunded", T0.plusSeconds(8)),
                new Violation("p3", "payment p3: refund r3 FAILED")))), new FaultTimeline(List.of(readOnly)));

        assertThat(lines).containsExactly(Invariants.PAID_ONCE + " (3):",
                "  - payment p1: money taken, neither booked nor refunded [at " + Timestamps.of(T0.plusSeconds(3))
                        + ", during #1 db-read-only booking-service 10 s]",
                "  - payment p2: money taken, neither booked nor refunded [at " + Timestamps.of(T0.plusSeconds(8))
                        + ", during #1 db-read-only booking-service 10 s]",
                "  - payment p3: refund r3 FAILED",
                "  by what came before: 2 during #1 db-read-only booking-service 10 s");
    }

    @Test
    void answersAreCountedPerRequest() {
        assertThat(ChaosReport.answers(Map.of("POST hold", Map.of("201", 3L, "409 SEATS_HELD", 1L))))
                .contains("| POST hold |    4 | 201 × 3, 409 SEATS_HELD × 1 |");
    }

    @Test
    void aViolationIsConfirmedOnlyWhenTheEarlierReadSawItToo() {
        var earlier = new InvariantResult("no unsent outbox rows", List.of(new Violation("a", "row a"),
                new Violation("b", "row b")));
        var later = new InvariantResult("no unsent outbox rows", List.of(new Violation("b", "row b"),
                new Violation("c", "row c")));

        assertThat(later.confirmedBy(earlier).violations()).extracting(Violation::key).containsExactly("b");
    }
}
