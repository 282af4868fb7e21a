package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class HotShowReportTest {

    /** 100 holds of 10 to 1000 ms (201) and 100 of 20 ms (409 SEATS_HELD), one timeout, over 10 s. */
    private static ScenarioResult holds() {
        var recorder = new LatencyRecorder();
        for (int i = 1; i <= 100; i++) {
            recorder.record(201, TimeUnit.MILLISECONDS.toNanos(i * 10L));
            recorder.record(409, "SEATS_HELD", TimeUnit.MILLISECONDS.toNanos(20));
        }
        recorder.fail(new HttpTimeoutException("request timed out"));
        return LatencyRecorder.merge("hold attempts", Duration.ofSeconds(10), List.of(recorder));
    }

    /** 201 no-ops of 5 ms over 5 s. */
    private static ScenarioResult noOps() {
        return noOps(Duration.ofSeconds(5));
    }

    private static ScenarioResult noOps(Duration over) {
        var recorder = new LatencyRecorder();
        for (int i = 0; i < 201; i++) {
            recorder.record(204, TimeUnit.MILLISECONDS.toNanos(5));
        }
        return LatencyRecorder.merge("no-op requests", over, List.of(recorder));
    }

    private static ScenarioResult reads() {
        var recorder = new LatencyRecorder();
        recorder.record(200, TimeUnit.MILLISECONDS.toNanos(40));
        return LatencyRecorder.merge("seat-map reads", Duration.ofSeconds(10), List.of(recorder));
    }

    @Test
    void tabulatesBothPhasesCountingEveryAttempt() {
        var race = new HotShowRace.Result(Duration.ofSeconds(10), holds(), reads(),
                List.of(new SuccessfulHold(0, "h1", List.of("A1"), Instant.EPOCH, Instant.EPOCH)), List.of(), new TreeMap<>(),
                List.of());
        var replay = new HotShowRace.Replay(Duration.ofSeconds(5), noOps(), reads());
        var alone = new HotShowRace.Replay(Duration.ofSeconds(2), noOps(Duration.ofSeconds(2)),
                LatencyRecorder.merge("seat-map reads", Duration.ofSeconds(2), List.of()));

        List<String> lines = HotShowReport.table(race, replay, alone).lines().toList();

        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).startsWith("| requests ").contains("| count |", "| per s |", "| p99 ms |");
        assertThat(cells(lines.get(2))).startsWith("hold attempts", "201", "20.1", "20.0");
        assertThat(cells(lines.get(3))).startsWith("successful holds (201)", "100", "10.0").endsWith("1000.4");
        assertThat(cells(lines.get(4))).startsWith("seat-map reads, hold phase", "1", "0.1", "40.0");
        assertThat(cells(lines.get(5))).containsExactly("no-op requests, same reads", "201", "40.2", "5.0", "5.0", "5.0",
                "5.0");
        assertThat(cells(lines.get(7))).startsWith("no-op requests alone", "201", "100.5");
        assertThat(lines).allMatch(line -> line.length() == lines.get(0).length());
        assertThat(HotShowReport.table(race, null, null).lines()).hasSize(5);
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).filter(cell -> !cell.isEmpty()).toList();
    }

    @Test
    void listsOutcomesSuccessesFirst() {
        assertThat(HotShowReport.outcomes(holds(), 201))
                .isEqualTo("201 × 100, 409 SEATS_HELD × 100, HttpTimeoutException × 1");
        assertThat(HotShowReport.outcomes(noOps(), 204)).isEqualTo("204 × 201");
        assertThat(HotShowReport.outcomes(LatencyRecorder.merge("none", Duration.ofSeconds(1), List.of()), 204))
                .isEqualTo("none");
    }

    @Test
    void comparesHoldsWithNoOps() {
        // holds: 20.1 attempts/s, p50 20 ms, p99 990 ms; no-ops: 40.2 requests/s, 5 ms
        assertThat(HotShowReport.ratios(holds(), noOps())).matches(
                "hold attempts/s ÷ no-op requests/s = 0\\.50, p50 hold ÷ no-op = 4\\.00, p99 hold ÷ no-op = 19[5-7]\\.\\d\\d");
        assertThat(HotShowReport.ratio(1, 0)).isEqualTo("-");
        assertThat(HotShowReport.ratio(Double.NaN, 1)).isEqualTo("-");
    }

    @Test
    void namesWhyCustomersStopped() {
        var stops = new TreeMap<String, Long>();
        stops.put("10 seats", 180L);
        stops.put("sold out (no AVAILABLE seat on its map)", 1_220L);

        assertThat(HotShowReport.stops(stops)).isEqualTo("180 × 10 seats, 1,220 × sold out (no AVAILABLE seat on its map)");
    }
}
