package io.ticketing.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The hot show's printed results: one Markdown table for both phases, the outcomes, and hold ÷ no-op ratios. */
final class HotShowReport {

    private static final List<String> HEADER = List.of("requests", "count", "per s", "p50 ms", "p90 ms", "p99 ms",
            "max ms");

    static final String LEGEND = "hold attempts and no-op requests: every request sent, latencies of every answer "
            + "whatever its status; successful holds: the 201s among the attempts; per s: over the phase's duration. "
            + "no-op requests, same reads: each hold attempt replaced by a no-op, the seat-map reads kept; "
            + "alone: only the no-op requests, as many per customer as its hold attempts";

    private HotShowReport() {
    }

    /** @param replay the no-op phase with the same reads; {@code alone} without them; either may be null */
    static String table(HotShowRace.Result race, HotShowRace.Replay replay, HotShowRace.Replay alone) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(allAnswers("hold attempts", race.attempts()));
        rows.add(List.of("successful holds (201)", Report.count(race.attempts().successes()),
                Report.rate(race.attempts().throughput()), Report.millis(race.attempts().percentileMillis(50)),
                Report.millis(race.attempts().percentileMillis(90)), Report.millis(race.attempts().percentileMillis(99)),
                Report.millis(race.attempts().maxMillis())));
        rows.add(allAnswers("seat-map reads, hold phase", race.reads()));
        if (replay != null) {
            rows.add(allAnswers("no-op requests, same reads", replay.noOps()));
            rows.add(allAnswers("seat-map reads, no-op phase", replay.reads()));
        }
        if (alone != null) {
            rows.add(allAnswers("no-op requests alone", alone.noOps()));
        }
        return Report.markdown(HEADER, rows);
    }

    private static List<String> allAnswers(String name, ScenarioResult result) {
        return List.of(name, Report.count(result.attempts()), Report.rate(result.attemptRate()),
                Report.millis(result.answeredPercentileMillis(50)), Report.millis(result.answeredPercentileMillis(90)),
                Report.millis(result.answeredPercentileMillis(99)), Report.millis(result.answeredMaxMillis()));
    }

    /**
     * Every answer by status and problem code, successes first: {@code 201 × 812, 409 SEATS_HELD × 1,204,
     * HttpTimeoutException × 2}.
     */
    static String outcomes(ScenarioResult result, int successStatus) {
        List<String> parts = new ArrayList<>();
        if (result.successes() > 0) {
            parts.add(successStatus + " × " + Report.count(result.successes()));
        }
        result.statuses().forEach((status, count) -> parts.add(status + " × " + Report.count(count)));
        result.failures().forEach((failure, count) -> parts.add(failure + " × " + Report.count(count)));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    static String stops(Map<String, Long> stops) {
        List<String> parts = new ArrayList<>();
        stops.forEach((reason, count) -> parts.add(Report.count(count) + " × " + reason));
        return String.join(", ", parts);
    }

    /** Hold attempts ÷ no-op requests: throughput, p50 and p99 (latencies of every answer). */
    static String ratios(ScenarioResult holds, ScenarioResult noOps) {
        return String.format(Locale.ROOT, "hold attempts/s ÷ no-op requests/s = %s, p50 hold ÷ no-op = %s, "
                + "p99 hold ÷ no-op = %s", ratio(holds.attemptRate(), noOps.attemptRate()),
                ratio(holds.answeredPercentileMillis(50), noOps.answeredPercentileMillis(50)),
                ratio(holds.answeredPercentileMillis(99), noOps.answeredPercentileMillis(99)));
    }

    static String ratio(double numerator, double denominator) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", numerator / denominator);
    }
}
