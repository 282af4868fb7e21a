package io.ticketing.benchmarks.holdrate;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code wrk --latency} printed, read back: its own summary and the lines the generated script's {@code done()}
 * adds ({@link WrkScripts}).
 *
 * @param requests answers read completely during the run, whatever their status
 * @param seconds how long the run lasted by wrk's clock
 * @param requestsPerSecond wrk's {@code Requests/sec}: {@code requests / seconds}
 * @param latencyMillis the latency distribution's percentiles (50, 75, 90, 99), of every answer
 * @param maxLatencyMillis the slowest answer
 * @param statuses answers by HTTP status, counted by the script
 * @param socketErrors wrk's {@code Socket errors} by kind (connect, read, write, timeout); empty when it printed none
 * @param progress per wrk thread (from 1), the next seat pair it would have sent; empty when the phase walks none
 * @param exhaustedThreads threads that ran out of seat pairs and stopped before the end
 */
record WrkOutput(long requests, double seconds, double requestsPerSecond, Map<Integer, Double> latencyMillis,
        double maxLatencyMillis, Map<Integer, Long> statuses, Map<String, Long> socketErrors, Map<Integer, Long> progress,
        int exhaustedThreads) {

    /** What the generated scripts' {@code done()} starts its lines with. */
    static final String MARK = "hold-rate";

    private static final String TIME = "([0-9.]+)(us|ms|s|m|h)";
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)%\\s+" + TIME + "\\s*$");
    private static final Pattern LATENCY = Pattern.compile("^\\s*Latency\\s+" + TIME + "\\s+" + TIME + "\\s+" + TIME
            + "\\s+.*$");
    private static final Pattern REQUESTS = Pattern.compile("^\\s*(\\d+) requests in " + TIME + ",.*$");
    private static final Pattern PER_SECOND = Pattern.compile("^Requests/sec:\\s+([0-9.]+)\\s*$");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "^\\s*Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)\\s*$");
    private static final Pattern PAIR = Pattern.compile("(\\d+)=(\\d+)");

    WrkOutput {
        latencyMillis = Collections.unmodifiableMap(new TreeMap<>(latencyMillis));
        statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
        socketErrors = Map.copyOf(socketErrors);
        progress = Collections.unmodifiableMap(new TreeMap<>(progress));
    }

    /** Reads wrk's output; fails when its summary is not there (wrk stopped, or is not wrk 4). */
    static WrkOutput parse(String output) {
        Long requests = null;
        double seconds = Double.NaN;
        double perSecond = Double.NaN;
        double max = Double.NaN;
        Map<Integer, Double> latency = new TreeMap<>();
        Map<Integer, Long> statuses = new TreeMap<>();
        Map<String, Long> socketErrors = new TreeMap<>();
        Map<Integer, Long> progress = new TreeMap<>();
        int exhausted = 0;
        boolean distribution = false;
        for (String line : output.split("\\R")) {
            Matcher matcher;
            if (line.strip().equals("Latency Distribution")) {
                distribution = true;
            }
            else if (distribution && (matcher = PERCENTILE.matcher(line)).matches()) {
                latency.put((int) Double.parseDouble(matcher.group(1)), millis(matcher.group(2), matcher.group(3)));
            }
            else if ((matcher = LATENCY.matcher(line)).matches()) {
                max = millis(matcher.group(5), matcher.group(6));
            }
            else if ((matcher = REQUESTS.matcher(line)).matches()) {
                requests = Long.parseLong(matcher.group(1));
                seconds = millis(matcher.group(2), matcher.group(3)) / 1000;
                distribution = false;
            }
            else if ((matcher = PER_SECOND.matcher(line)).matches()) {
                perSecond = Double.parseDouble(matcher.group(1));
            }
            else if ((matcher = SOCKET_ERRORS.matcher(line)).matches()) {
                socketErrors.put("connect", Long.parseLong(matcher.group(1)));
                socketErrors.put("read", Long.parseLong(matcher.group(2)));
                socketErrors.put("write", Long.parseLong(matcher.group(3)));
                socketErrors.put("timeout", Long.parseLong(matcher.group(4)));
            }
            else if (line.startsWith(MARK + " statuses")) {
                pairs(line).forEach((status, count) -> statuses.put(status.intValue(), count));
            }
            else if (line.startsWith(MARK + " progress")) {
                pairs(line).forEach((thread, next) -> progress.put(thread.intValue(), next));
            }
            else if (line.startsWith(MARK + " exhausted ")) {
                exhausted = Integer.parseInt(line.substring((MARK + " exhausted ").length()).strip());
            }
        }
        if (requests == null || Double.isNaN(perSecond)) {
            throw new IllegalStateException("wrk printed no summary (no 'N requests in' or 'Requests/sec' line):\n"
                    + output);
        }
        return new WrkOutput(requests, seconds, perSecond, latency, max, statuses, socketErrors, progress, exhausted);
    }

    /** Answers with this status per second of the run. */
    double perSecond(int status) {
        return seconds > 0 ? statuses.getOrDefault(status, 0L) / seconds : Double.NaN;
    }

    long count(int status) {
        return statuses.getOrDefault(status, 0L);
    }

    /** A percentile of the latency distribution in ms; NaN when wrk did not print it. */
    double percentile(int percentile) {
        return latencyMillis.getOrDefault(percentile, Double.NaN);
    }

    long socketErrorCount() {
        return socketErrors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code 2.53ms}, {@code 812.00us}, {@code 1.02s}, {@code 1.00m} as wrk writes times, in ms. */
    static double millis(String amount, String unit) {
        double value = Double.parseDouble(amount);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            case "h" -> value * 3_600_000;
            default -> throw new IllegalArgumentException("Not a unit of time wrk prints: " + unit);
        };
    }

    private static Map<Long, Long> pairs(String line) {
        Map<Long, Long> pairs = new TreeMap<>();
        Matcher matcher = PAIR.matcher(line);
        while (matcher.find()) {
            pairs.merge(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), Long::sum);
        }
        return pairs;
    }
}
