package io.ticketing.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The printed results: Markdown tables that can be pasted into a README as is (one row per scenario for the
 * catalog), and the number formats every benchmark prints.
 */
public final class Report {

    private static final List<String> HEADER = List.of("scenario", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms",
            "max ms", "429", "errors");

    static final String LEGEND = "requests, req/s and latencies count 2xx answers only; 429: rate-limited by the "
            + "gateway; errors: other non-2xx answers and requests that got no answer";

    private Report() {
    }

    static String table(List<ScenarioResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioResult result : results) {
            rows.add(List.of(result.scenario(), count(result.successes()), rate(result.throughput()),
                    millis(result.percentileMillis(50)), millis(result.percentileMillis(90)),
                    millis(result.percentileMillis(99)), millis(result.maxMillis()), count(result.rateLimited()),
                    count(result.errors())));
        }
        return markdown(HEADER, rows);
    }

    /**
     * An aligned Markdown table: the first column left-aligned (names), the others right-aligned (numbers).
     * Every row has as many cells as the header.
     */
    public static String markdown(List<String> header, List<List<String>> body) {
        Set<Integer> text = Set.of(0);
        return markdown(header, body, text);
    }

    /**
     * An aligned Markdown table whose {@code textColumns} (by index) are left-aligned, the others (numbers)
     * right-aligned. Every row has as many cells as the header.
     */
    public static String markdown(List<String> header, List<List<String>> body, Set<Integer> textColumns) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        rows.addAll(body);
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("A row of " + row.size() + " cells under " + header.size() + " columns");
            }
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        var table = new StringBuilder();
        for (int index = 0; index < rows.size(); index++) {
            table.append(line(rows.get(index), widths, textColumns)).append('\n');
            if (index == 0) {
                List<String> rule = new ArrayList<>();
                for (int column = 0; column < widths.length; column++) {
                    // Markdown alignment: names left, numbers right
                    rule.add(textColumns.contains(column) ? "-".repeat(widths[column])
                            : "-".repeat(widths[column] - 1) + ":");
                }
                table.append(line(rule, widths, textColumns)).append('\n');
            }
        }
        return table.toString();
    }

    /** What went wrong, per scenario: {@code search-keyword: 3 × 503 SERVICE_UNAVAILABLE, 1 × HttpTimeoutException}. */
    static List<String> problems(List<ScenarioResult> results) {
        List<String> lines = new ArrayList<>();
        for (ScenarioResult result : results) {
            List<String> parts = new ArrayList<>();
            result.statuses().forEach((status, count) -> parts.add(String.format(Locale.ROOT, "%,d × %s", count, status)));
            result.failures().forEach((failure, count) -> parts.add(String.format(Locale.ROOT, "%,d × %s", count, failure)));
            if (!parts.isEmpty()) {
                lines.add(result.scenario() + ": " + String.join(", ", parts));
            }
        }
        return lines;
    }

    /** The scenarios whose numbers the gateway's rate limit has distorted. */
    static List<String> rateLimited(List<ScenarioResult> results) {
        return results.stream().filter(result -> result.rateLimited() > 0).map(ScenarioResult::scenario).toList();
    }

    /** Milliseconds with one decimal; {@code -} when there is nothing to show. */
    public static String millis(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.1f", millis);
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.1f", perSecond);
    }

    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static String line(List<String> cells, int[] widths, Set<Integer> textColumns) {
        var line = new StringBuilder("|");
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            String padded = pad(cell, widths[column], !textColumns.contains(column));
            line.append(' ').append(padded).append(" |");
        }
        return line.toString();
    }

    private static String pad(String text, int width, boolean right) {
        String space = " ".repeat(width - text.length());
        return right ? space + text : text + space;
    }
}
