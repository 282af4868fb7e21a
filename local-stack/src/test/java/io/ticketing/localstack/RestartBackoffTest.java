package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private final RestartBackoff backoff = RestartBackoff.standard();

    @Test
    void doublesThePauseWithEveryQuickCrashUpToThirtySeconds() {
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pauses.add(backoff.next(Duration.ofSeconds(5)).toSeconds());
        }

        assertThat(pauses).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void startsAgainFromOneSecondAfterAMinuteOfHealthyRunning() {
        for (int i = 0; i < 5; i++) {
            backoff.next(Duration.ZERO);
        }

        assertThat(backoff.next(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next(Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void keepsGrowingWhenTheProcessDiesBeforeItWasHealthyLongEnough() {
        backoff.next(Duration.ofMinutes(10));
        backoff.next(Duration.ofSeconds(59));

        assertThat(backoff.next(Duration.ofSeconds(59))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void neverOverflowsHoweverOftenAProcessCrashes() {
        for (int i = 0; i < 10_000; i++) {
            backoff.next(Duration.ZERO);
        }

        assertThat(backoff.next(Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesALongestPauseShorterThanTheFirst() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new RestartBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }
}
