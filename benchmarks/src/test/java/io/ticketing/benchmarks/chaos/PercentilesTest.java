package io.ticketing.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final List<Duration> TIMES = List.of(Duration.ofSeconds(9), Duration.ofSeconds(1),
            Duration.ofSeconds(4), Duration.ofSeconds(30));

    @Test
    void takesTheNearestRankOfTheSortedDurations() {
        assertThat(Percentiles.of(TIMES, 50)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Percentiles.of(TIMES, 75)).isEqualTo(Duration.ofSeconds(9));
        assertThat(Percentiles.of(TIMES, 100)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Percentiles.of(TIMES, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Percentiles.of(List.of(Duration.ofMillis(700)), 50)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void hasNoneOfNothingAndRefusesPercentilesOutOfRange() {
        assertThat(Percentiles.of(List.of(), 50)).isNull();
        assertThatThrownBy(() -> Percentiles.of(TIMES, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(TIMES, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
