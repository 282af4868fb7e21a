package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Percentiles of a handful of durations (recovery times): the nearest rank, no interpolation. */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percentile}-th percentile (1 to 100) of the durations; null when there are none. */
    static Duration of(List<Duration> durations, int percentile) {
        if (percentile < 1 || percentile > 100) {
            throw new IllegalArgumentException("A percentile is 1 to 100, not " + percentile);
        }
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
