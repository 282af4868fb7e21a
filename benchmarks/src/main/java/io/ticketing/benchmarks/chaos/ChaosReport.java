package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ticketing.benchmarks.Report;

/** The printed results of a chaos run, as Markdown tables that can be pasted into a README as they are. */
final class ChaosReport {

    /** Examples printed per invariant; the count says how many there are in all. */
    static final int EXAMPLES = 5;

    private ChaosReport() {
    }

    /** One row per fault: when, what, how long it lasted, how long until the platform recovered. */
    static String faults(List<FaultRecord> faults) {
        List<List<String>> rows = new ArrayList<>();
        int number = 0;
        for (FaultRecord record : faults) {
            rows.add(List.of(Integer.toString(++number), Timestamps.of(record.started()), record.fault().describe(),
                    record.skipped() ? "-" : seconds(Duration.between(record.started(), record.ended())),
                    record.skipped() ? "skipped" : record.recovered() ? seconds(record.recovery()) : "NOT RECOVERED",
                    record.recovered() || record.skipped() ? record.note()
                            : record.note() + "; last probe: " + record.failure()));
        }
        return Report.markdown(List.of("#", "at", "fault", "lasted s", "recovered after s", "note"), rows, Set.of(2, 5));
    }

    /** Per fault kind: how many were injected, recovered from, and the recovery time's p50 and max. */
    static String recovery(List<FaultRecord> faults) {
        Map<FaultKind, List<FaultRecord>> byKind = new EnumMap<>(FaultKind.class);
        faults.forEach(record -> byKind.computeIfAbsent(record.fault().kind(), kind -> new ArrayList<>()).add(record));
        List<List<String>> rows = new ArrayList<>();
        byKind.forEach((kind, records) -> {
            List<Duration> times = records.stream().filter(FaultRecord::recovered).map(FaultRecord::recovery).toList();
            long skipped = records.stream().filter(FaultRecord::skipped).count();
            long injected = records.size() - skipped;
            rows.add(List.of(kind.option(), Long.toString(injected), Long.toString(skipped),
                    Long.toString(times.size()), Long.toString(injected - times.size()),
                    times.isEmpty() ? "-" : seconds(Percentiles.of(times, 50)),
                    times.isEmpty() ? "-" : seconds(Percentiles.of(times, 100))));
        });
        return Report.markdown(List.of("fault", "injected", "skipped", "recovered", "not recovered", "p50 s", "max s"),
                rows);
    }

    /** Per request: how many, and the answers by status and problem code. */
    static String answers(Map<String, Map<String, Long>> table) {
        List<List<String>> rows = new ArrayList<>();
        new TreeMap<>(table).forEach((request, answers) -> rows.add(List.of(request,
                count(answers.values().stream().mapToLong(Long::longValue).sum()),
                new TreeMap<>(answers).entrySet().stream().map(answer -> answer.getKey() + " × " + count(answer.getValue()))
                        .collect(Collectors.joining(", ")))));
        return Report.markdown(List.of("request", "sent", "answers"), rows, Set.of(0, 2));
    }

    /** What the run's shows hold in each service's database, by status. */
    static List<String> holdings(PlatformState state) {
        return List.of(
                "holds (reservation): " + byStatus(state.holds(), PlatformState.Hold::status),
                "payments (payment): " + byStatus(state.payments(), PlatformState.Payment::status),
                "refunds (payment): " + byStatus(state.refunds(), PlatformState.Refund::status),
                "bookings (booking): " + byStatus(state.bookings(), PlatformState.Booking::status) + "; seats sold "
                        + count(state.bookedSeats().stream().filter(PlatformState.BookedSeat::active).count()),
                "waiting-line entries (waiting): " + byStatus(state.entries(), PlatformState.WaitlistEntry::status));
    }

    /** One row per invariant with its count of violations. */
    static String invariants(List<InvariantResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (InvariantResult result : results) {
            rows.add(List.of(result.name(), count(result.violations().size()),
                    result.note() == null ? "" : result.note()));
        }
        return Report.markdown(List.of("invariant", "violations", "note"), rows, Set.of(0, 2));
    }

    /**
     * The first few violations of each broken invariant, each with the fault that came before it where the data tells
     * when it happened, and how many of them came after which fault.
     */
    static List<String> examples(List<InvariantResult> results, FaultTimeline timeline) {
        List<String> lines = new ArrayList<>();
        for (InvariantResult result : results) {
            if (result.holds()) {
                continue;
            }
            lines.add(result.name() + " (" + count(result.violations().size()) + "):");
            result.violations().stream().limit(EXAMPLES).forEach(violation -> lines.add("  - " + violation.detail()
                    + (violation.at() == null ? "" : " [at " + Timestamps.of(violation.at()) + ", "
                            + timeline.when(violation.at()) + "]")));
            if (result.violations().size() > EXAMPLES) {
                lines.add("  - ... " + count(result.violations().size() - EXAMPLES) + " more");
            }
            Map<String, Long> byFault = new TreeMap<>(result.violations().stream()
                    .filter(violation -> violation.at() != null)
                    .collect(Collectors.groupingBy(violation -> timeline.group(violation.at()), Collectors.counting())));
            if (!byFault.isEmpty()) {
                lines.add("  by what came before: " + byFault.entrySet().stream()
                        .map(entry -> count(entry.getValue()) + " " + entry.getKey()).collect(Collectors.joining("; ")));
            }
        }
        return lines;
    }

    private static <T> String byStatus(List<T> rows, Function<T, String> status) {
        if (rows.isEmpty()) {
            return "none";
        }
        Map<String, Long> counts = new TreeMap<>(rows.stream().collect(Collectors.groupingBy(status, Collectors.counting())));
        return count(rows.size()) + " (" + counts.entrySet().stream()
                .map(entry -> entry.getKey() + " " + count(entry.getValue())).collect(Collectors.joining(", ")) + ")";
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
