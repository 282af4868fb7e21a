package io.ticketing.benchmarks;

import java.time.Duration;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * One scenario's measurement. Latencies are of successful (2xx) requests only; rate-limited (429) answers,
 * other non-2xx answers and requests that failed without an answer are counted apart.
 *
 * @param latencies microseconds per successful request
 * @param answered microseconds per request that got an answer, whatever its status
 * @param statuses non-2xx answers by status and problem code: {@code 503 SERVICE_UNAVAILABLE}, or the status alone
 * @param failures requests without an answer, by exception ({@code HttpTimeoutException}, {@code ConnectException})
 */
record ScenarioResult(String scenario, Duration measured, Histogram latencies, Histogram answered,
        SortedMap<String, Long> statuses,
        SortedMap<String, Long> failures) {

    static final int TOO_MANY_REQUESTS = 429;

    ScenarioResult {
        statuses = Collections.unmodifiableSortedMap(new TreeMap<>(statuses));
        failures = Collections.unmodifiableSortedMap(new TreeMap<>(failures));
    }

    long successes() {
        return latencies.getTotalCount();
    }

    /** Successful requests per second of measurement. */
    double throughput() {
        return successes() / (measured.toNanos() / 1e9);
    }

    /** @return NaN when nothing succeeded */
    double percentileMillis(double percentile) {
        return successes() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    /** @return NaN when nothing succeeded */
    double maxMillis() {
        return successes() == 0 ? Double.NaN : latencies.getMaxValue() / 1000.0;
    }

    /** Requests sent: answered (whatever the status) or failed without an answer. */
    long attempts() {
        return answered.getTotalCount() + failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests sent per second of measurement. */
    double attemptRate() {
        return attempts() / (measured.toNanos() / 1e9);
    }

    /** Latency of every answered request, whatever its status; NaN when none was answered. */
    double answeredPercentileMillis(double percentile) {
        return answered.getTotalCount() == 0 ? Double.NaN : answered.getValueAtPercentile(percentile) / 1000.0;
    }

    /** @return NaN when none was answered */
    double answeredMaxMillis() {
        return answered.getTotalCount() == 0 ? Double.NaN : answered.getMaxValue() / 1000.0;
    }

    long rateLimited() {
        return statuses.entrySet().stream().filter(status -> isRateLimited(status.getKey()))
                .mapToLong(status -> status.getValue()).sum();
    }

    /** Non-2xx answers other than 429, and requests that got no answer. */
    long errors() {
        long errors = failures.values().stream().mapToLong(Long::longValue).sum();
        for (var status : statuses.entrySet()) {
            if (!isRateLimited(status.getKey())) {
                errors += status.getValue();
            }
        }
        return errors;
    }

    private static boolean isRateLimited(String status) {
        return status.equals(String.valueOf(TOO_MANY_REQUESTS)) || status.startsWith(TOO_MANY_REQUESTS + " ");
    }
}
