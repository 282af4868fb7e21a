package io.ticketing.benchmarks.holdrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ticketing.benchmarks.CpuUse;

class HoldRateReportTest {

    /** 20 s per phase; gateway, reservation and PostgreSQL CPU in ms; wrk's own CPU apart. */
    private static final List<PhaseResult> RESULTS = List.of(
            result(Phase.NO_OP_DIRECT, Map.of(204, 40_000L), cpu(0, 8_000, 400), 6_000),
            result(Phase.NO_OP_GATEWAY, Map.of(204, 10_000L), cpu(20_000, 4_000, 100), 2_000),
            result(Phase.HOLDS, Map.of(201, 4_000L, 503, 10L), cpu(9_000, 12_000, 9_000), 1_000),
            result(Phase.REFUSED_HOLDS, Map.of(409, 8_000L), cpu(17_000, 9_000, 200), 1_500),
            result(Phase.SEAT_MAP, Map.of(200, 5_000L), cpu(10_000, 15_000, 0), 2_500));

    @Test
    void dividesEveryProcesssCpuByThePhasesSuccessfulOperations() {
        String table = HoldRateReport.cpuPerOperation(RESULTS, null);

        assertThat(table.lines()).element(0).asString().contains("process", "no-op direct", "no-op via gateway",
                "holds via gateway", "refused holds via gateway", "seat-map reads via gateway");
        assertThat(row(table, "gateway-service")).containsExactly("gateway-service", "0.000", "2.000", "2.250", "2.125",
                "2.000");
        assertThat(row(table, "reservation-service")).containsExactly("reservation-service", "0.200", "0.400", "3.000",
                "1.125", "3.000");
        assertThat(row(table, "PostgreSQL")).containsExactly("PostgreSQL", "0.010", "0.010", "2.250", "0.025", "0.000");
        assertThat(row(table, HoldRateReport.STACK_TOTAL)).containsExactly(HoldRateReport.STACK_TOTAL, "0.210", "2.410",
                "7.500", "3.275", "5.000");
        assertThat(row(table, HoldRateReport.LOAD_GENERATOR)).containsExactly(HoldRateReport.LOAD_GENERATOR, "0.150",
                "0.200", "0.250", "0.188", "0.500");
    }

    @Test
    void putsTheIdleStacksCpuPerSecondFirst() {
        var idle = new CpuUse(new LinkedHashMap<>(Map.of("gateway-service", 50.0)), 5_000, List.of());

        String table = HoldRateReport.cpuPerOperation(RESULTS.subList(0, 1), idle);

        assertThat(row(table, "gateway-service")).containsExactly("gateway-service", "10.0", "0.000");
        assertThat(row(table, "reservation-service")).containsExactly("reservation-service", "-", "0.200");
        // 8,400 ms in 20 s, of which the idle stack's 10 ms/s would be 200 ms: 8,200 ms for 40,000 no-ops
        assertThat(row(table, HoldRateReport.STACK_LESS_IDLE)).containsExactly(HoldRateReport.STACK_LESS_IDLE, "-",
                "0.205");
    }

    @Test
    void comparesThePhasesOfTheRun() {
        assertThat(HoldRateReport.ratios(RESULTS)).containsExactly(
                "no-op via gateway ÷ no-op direct, successful/s: 0.25",
                "gateway CPU per proxied request (no-op via gateway): 2.000 ms",
                "stack CPU per operation, no-op via gateway ÷ no-op direct: 11.48",
                "stack CPU per operation, hold ÷ no-op via gateway: 3.11",
                "stack CPU per operation, hold ÷ no-op direct: 35.71",
                "stack CPU per operation, refused hold ÷ no-op via gateway: 1.36",
                "stack CPU per operation, seat-map read ÷ no-op via gateway: 2.07",
                "successful/s, hold ÷ no-op via gateway: 0.40");
    }

    @Test
    void listsAnswersPerPhaseAndWarnsAboutUnexpectedOnes() {
        String table = HoldRateReport.phases(RESULTS);

        assertThat(row(table, "holds via gateway")).containsExactly("holds via gateway", "4,000", "200.0", "200.5",
                "12.0", "30.0", "90.0", "400.0", "201 × 4,000, 503 × 10", "0");
        assertThat(HoldRateReport.warnings(RESULTS)).containsExactly(
                "holds via gateway: 10 answers other than 201 (201 × 4,000, 503 × 10)");
        assertThat(row(table, "seat-map reads via gateway")).containsExactly("seat-map reads via gateway", "5,000",
                "250.0", "250.0", "12.0", "30.0", "90.0", "400.0", "200 × 5,000", "0");
    }

    @Test
    void leavesTheSeatMapRatioOpenWithoutItsPhase() {
        assertThat(HoldRateReport.ratios(RESULTS.subList(0, 4)))
                .contains("stack CPU per operation, seat-map read ÷ no-op via gateway: -");
    }

    private static List<String> row(String table, String first) {
        return table.lines().map(line -> List.of(line.substring(1, line.length() - 1).split("\\|")).stream()
                        .map(String::strip).toList())
                .filter(cells -> cells.getFirst().equals(first)).findFirst().orElseThrow();
    }

    private static Map<String, Double> cpu(double gateway, double reservation, double postgres) {
        Map<String, Double> millis = new LinkedHashMap<>();
        millis.put("gateway-service", gateway);
        millis.put("reservation-service", reservation);
        millis.put("PostgreSQL", postgres);
        return millis;
    }

    private static PhaseResult result(Phase phase, Map<Integer, Long> statuses, Map<String, Double> cpu, double wrk) {
        long requests = statuses.values().stream().mapToLong(Long::longValue).sum();
        var output = new WrkOutput(requests, 20.0, requests / 20.0, Map.of(50, 12.0, 90, 30.0, 99, 90.0), 400.0,
                statuses, Map.of(), Map.of(), 0);
        return new PhaseResult(phase, output, wrk, new CpuUse(cpu, 20_000, List.of()));
    }
}
