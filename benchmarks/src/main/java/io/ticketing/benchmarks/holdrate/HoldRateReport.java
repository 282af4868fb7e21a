package io.ticketing.benchmarks.holdrate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.ticketing.benchmarks.CpuUse;
import io.ticketing.benchmarks.Report;

/** The hold-rate benchmark's Markdown tables and ratios. */
final class HoldRateReport {

    static final String STACK_TOTAL = "stack total";
    /** The total less what the idle stack would have used in the same time: background work, not the requests'. */
    static final String STACK_LESS_IDLE = "stack total less idle";
    static final String LOAD_GENERATOR = "wrk (load generator, not in the total)";

    private HoldRateReport() {
    }

    /** One row per phase: successful operations, their rate, wrk's request rate and latency, answers by status. */
    static String phases(List<PhaseResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (PhaseResult result : results) {
            WrkOutput wrk = result.wrk();
            rows.add(List.of(result.phase().label(), Report.count(result.successes()),
                    Report.rate(result.successesPerSecond()), Report.rate(wrk.requestsPerSecond()),
                    Report.millis(wrk.percentile(50)), Report.millis(wrk.percentile(90)),
                    Report.millis(wrk.percentile(99)), Report.millis(wrk.maxLatencyMillis()), statuses(wrk),
                    socketErrors(wrk)));
        }
        return Report.markdown(List.of("phase", "successful", "successful/s", "req/s", "p50 ms", "p90 ms", "p99 ms",
                "max ms", "answers", "socket errors"), rows, Set.of(0, 8, 9));
    }

    /**
     * CPU ms per successful operation: a row per process, a column per phase, then the stack's total and, apart,
     * wrk's own; the idle stack's CPU ms per second first when it was measured.
     */
    static String cpuPerOperation(List<PhaseResult> results, CpuUse idle) {
        Set<String> parts = new LinkedHashSet<>();
        if (idle != null) {
            parts.addAll(idle.millis().keySet());
        }
        results.forEach(result -> parts.addAll(result.cpu().millis().keySet()));
        List<String> header = new ArrayList<>(List.of("process"));
        if (idle != null) {
            header.add("idle, ms/s");
        }
        results.forEach(result -> header.add(result.phase().label()));
        List<List<String>> rows = new ArrayList<>();
        for (String part : parts) {
            List<String> row = new ArrayList<>(List.of(part));
            if (idle != null) {
                row.add(perSecond(idle.millis().getOrDefault(part, Double.NaN), idle.wallMillis()));
            }
            results.forEach(result -> row.add(cpu(result.cpu().perOperation(result.successes())
                    .getOrDefault(part, Double.NaN))));
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of(STACK_TOTAL));
        if (idle != null) {
            total.add(perSecond(idle.total(), idle.wallMillis()));
        }
        results.forEach(result -> total.add(cpu(result.stackMillisPerOperation())));
        rows.add(total);
        if (idle != null && idle.wallMillis() > 0) {
            List<String> net = new ArrayList<>(List.of(STACK_LESS_IDLE, "-"));
            double idlePerMilli = idle.total() / idle.wallMillis();
            results.forEach(result -> net.add(cpu(CpuUse.perOperation(
                    result.cpu().total() - idlePerMilli * result.cpu().wallMillis(), result.successes()))));
            rows.add(net);
        }
        List<String> wrk = new ArrayList<>(List.of(LOAD_GENERATOR));
        if (idle != null) {
            wrk.add("-");
        }
        results.forEach(result -> wrk.add(cpu(result.wrkMillisPerOperation())));
        rows.add(wrk);
        return Report.markdown(header, rows);
    }

    /** How busy each phase kept the machine: {@code no-op direct: stack 1.62 cores, wrk 0.31}. */
    static List<String> cores(List<PhaseResult> results) {
        return results.stream().map(result -> String.format(Locale.ROOT, "%s: stack %.2f cores, wrk %.2f",
                result.phase().label(), result.cpu().cores(), result.wrkCores())).toList();
    }

    /** The ratios issue 14 asks about, from this one run; {@code -} where a phase is missing. */
    static List<String> ratios(List<PhaseResult> results) {
        Map<Phase, PhaseResult> byPhase = new EnumMap<>(Phase.class);
        results.forEach(result -> byPhase.put(result.phase(), result));
        PhaseResult direct = byPhase.get(Phase.NO_OP_DIRECT);
        PhaseResult proxied = byPhase.get(Phase.NO_OP_GATEWAY);
        PhaseResult holds = byPhase.get(Phase.HOLDS);
        PhaseResult refused = byPhase.get(Phase.REFUSED_HOLDS);
        PhaseResult seatMap = byPhase.get(Phase.SEAT_MAP);
        List<String> lines = new ArrayList<>();
        lines.add("no-op via gateway ÷ no-op direct, successful/s: "
                + ratio(direct == null || proxied == null ? Double.NaN
                        : proxied.successesPerSecond() / direct.successesPerSecond()));
        lines.add("gateway CPU per proxied request (no-op via gateway): " + (proxied == null ? "-"
                : cpu(proxied.cpu().perOperation(proxied.wrk().requests()).getOrDefault(gatewayPart(proxied),
                        Double.NaN)) + " ms"));
        lines.add("stack CPU per operation, no-op via gateway ÷ no-op direct: " + cpuRatio(proxied, direct));
        lines.add("stack CPU per operation, hold ÷ no-op via gateway: " + cpuRatio(holds, proxied));
        lines.add("stack CPU per operation, hold ÷ no-op direct: " + cpuRatio(holds, direct));
        lines.add("stack CPU per operation, refused hold ÷ no-op via gateway: " + cpuRatio(refused, proxied));
        lines.add("stack CPU per operation, seat-map read ÷ no-op via gateway: " + cpuRatio(seatMap, proxied));
        lines.add("successful/s, hold ÷ no-op via gateway: " + ratio(holds == null || proxied == null ? Double.NaN
                : holds.successesPerSecond() / proxied.successesPerSecond()));
        return lines;
    }

    /** Answers other than the phase's expected one, and socket errors: what to look at before trusting the numbers. */
    static List<String> warnings(List<PhaseResult> results) {
        List<String> warnings = new ArrayList<>();
        for (PhaseResult result : results) {
            if (result.unexpected() > 0) {
                warnings.add(String.format(Locale.ROOT, "%s: %,d answers other than %d (%s)", result.phase().label(),
                        result.unexpected(), result.phase().expectedStatus(), statuses(result.wrk())));
            }
            if (result.wrk().socketErrorCount() > 0) {
                warnings.add(result.phase().label() + ": socket errors " + socketErrors(result.wrk()));
            }
            if (result.wrk().exhaustedThreads() > 0) {
                warnings.add(result.phase().label() + ": " + result.wrk().exhaustedThreads() + " wrk thread(s) ran out "
                        + "of seat pairs and stopped early; successful/s and req/s are too low (use more --seats)");
            }
            if (!result.cpu().gone().isEmpty()) {
                warnings.add(result.phase().label() + ": processes gone or restarted during the phase, left out: "
                        + result.cpu().gone());
            }
        }
        return warnings;
    }

    /** {@code 201 × 9,876, 409 × 3}. */
    static String statuses(WrkOutput wrk) {
        List<String> parts = new ArrayList<>();
        wrk.statuses().forEach((status, count) -> parts.add(String.format(Locale.ROOT, "%d × %,d", status, count)));
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static String socketErrors(WrkOutput wrk) {
        List<String> parts = new ArrayList<>();
        wrk.socketErrors().forEach((kind, count) -> {
            if (count > 0) {
                parts.add(String.format(Locale.ROOT, "%s %,d", kind, count));
            }
        });
        return parts.isEmpty() ? "0" : String.join(", ", parts);
    }

    private static String gatewayPart(PhaseResult result) {
        return result.cpu().millis().keySet().stream().filter(part -> part.contains("gateway")).findFirst().orElse("");
    }

    private static String cpuRatio(PhaseResult numerator, PhaseResult denominator) {
        return ratio(numerator == null || denominator == null ? Double.NaN
                : numerator.stackMillisPerOperation() / denominator.stackMillisPerOperation());
    }

    static String ratio(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    /** CPU ms with three decimals: a no-op costs fractions of a millisecond. */
    static String cpu(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.3f", millis);
    }

    private static String perSecond(double millis, double wallMillis) {
        return Double.isNaN(millis) || wallMillis <= 0 ? "-"
                : String.format(Locale.ROOT, "%.1f", millis / (wallMillis / 1000));
    }
}
