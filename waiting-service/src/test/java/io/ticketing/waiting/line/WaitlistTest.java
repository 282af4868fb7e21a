package io.ticketing.waiting.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How soon a waiter is told that their place in line moved. */
class WaitlistTest {

    @Test
    void aMovedPlaceIsToldSoonerTheNearerItIsToTheFront() {
        assertThat(Waitlist.positionSettle(1)).isEqualTo(Duration.ofMillis(300));
        assertThat(Waitlist.positionSettle(39)).isEqualTo(Duration.ofMillis(300));
        assertThat(Waitlist.positionSettle(40)).isEqualTo(Duration.ofMillis(600));
        assertThat(Waitlist.positionSettle(100)).isEqualTo(Duration.ofMillis(1500));
        assertThat(Waitlist.positionSettle(320)).isEqualTo(Duration.ofMillis(4800));
        assertThat(Waitlist.positionSettle(10_000)).as("at most").isEqualTo(Duration.ofMillis(4800));
    }
}
