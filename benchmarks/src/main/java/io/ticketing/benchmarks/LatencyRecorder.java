package io.ticketing.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * What one client saw during a measurement: the latency of each successful (2xx) request and of every answered
 * one, and how many answers were not 2xx (by status and problem code) or never came (by exception). The clients'
 * recorders are merged when the measurement is over. Thread-safe, so that many clients can share one: each holds two
 * histograms of 172 KB (three significant digits up to {@link #HIGHEST_MICROS}).
 */
final class LatencyRecorder {

    /** Anything slower is recorded as this: far beyond any request timeout the harness allows by default. */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram answered = new Histogram(HIGHEST_MICROS, 3);
    private final SortedMap<String, Long> statuses = new TreeMap<>();
    private final SortedMap<String, Long> failures = new TreeMap<>();

    void record(int status, long nanos) {
        record(status, null, nanos);
    }

    /** @param problemCode the {@code code} of a problem+json answer, if any */
    synchronized void record(int status, String problemCode, long nanos) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
        answered.recordValue(micros);
        if (status >= 200 && status < 300) {
            latencies.recordValue(micros);
        }
        else {
            statuses.merge(problemCode == null || problemCode.isBlank() ? String.valueOf(status)
                    : status + " " + problemCode, 1L, Long::sum);
        }
    }

    synchronized void fail(Throwable failure) {
        failures.merge(failure.getClass().getSimpleName(), 1L, Long::sum);
    }

    static ScenarioResult merge(String scenario, Duration measured, List<LatencyRecorder> recorders) {
        Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        Histogram answered = new Histogram(HIGHEST_MICROS, 3);
        SortedMap<String, Long> statuses = new TreeMap<>();
        SortedMap<String, Long> failures = new TreeMap<>();
        for (LatencyRecorder recorder : recorders) {
            recorder.addTo(latencies, answered, statuses, failures);
        }
        return new ScenarioResult(scenario, measured, latencies, answered, statuses, failures);
    }

    private synchronized void addTo(Histogram allLatencies, Histogram allAnswered, SortedMap<String, Long> allStatuses,
            SortedMap<String, Long> allFailures) {
        allLatencies.add(latencies);
        allAnswered.add(answered);
        statuses.forEach((status, count) -> allStatuses.merge(status, count, Long::sum));
        failures.forEach((failure, count) -> allFailures.merge(failure, count, Long::sum));
    }
}
