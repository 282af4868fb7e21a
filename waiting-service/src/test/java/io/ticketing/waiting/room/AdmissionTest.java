package io.ticketing.waiting.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** How the rate of a room follows the health of its show's holds. */
class AdmissionTest {

    private static final RoomProperties PROPERTIES = new RoomProperties(Duration.ofMillis(500), Duration.ofSeconds(1),
            0.01, 0.01, Duration.ofSeconds(5), 20, 0.1, Duration.ofSeconds(2));

    @Test
    void morethanOnePercentSlowHalvesTheRateAndSaysWhy() {
        var throttle = Admission.throttle(room(6000, 6000), new HoldHealthRepository.Health(200, 3, 0), PROPERTIES);

        assertThat(throttle.effectivePerMinute()).isEqualTo(3000);
        assertThat(throttle.reason()).isEqualTo("holds of the last 5 s: 3 of 200 slower than 1000 ms, 0 failed; "
                + "admitting 3000 a minute instead of 6000");
    }

    @Test
    void failuresHalveTheRateDownToATenth() {
        var failing = new HoldHealthRepository.Health(200, 0, 5);

        assertThat(Admission.throttle(room(6000, 1000, "slow"), failing, PROPERTIES).effectivePerMinute())
                .isEqualTo(600);
        assertThat(Admission.throttle(room(6000, 600, "slow"), failing, PROPERTIES).effectivePerMinute())
                .isEqualTo(600);
    }

    @Test
    void onePercentOrFewerHoldsOfAWindowDecideNothing() {
        assertThat(Admission.throttle(room(6000, 6000), new HoldHealthRepository.Health(200, 2, 2), PROPERTIES))
                .isEqualTo(new Admission.Throttle(6000, null));
        assertThat(Admission.throttle(room(6000, 6000), new HoldHealthRepository.Health(19, 19, 19), PROPERTIES))
                .as("too few holds to judge").isEqualTo(new Admission.Throttle(6000, null));
    }

    @Test
    void healthyHoldsBringTheRateBackGradually() {
        var healthy = new HoldHealthRepository.Health(200, 0, 0);

        var recovering = Admission.throttle(room(6000, 2000, "slow"), healthy, PROPERTIES);
        var recovered = Admission.throttle(room(6000, 5000, "slow"), healthy, PROPERTIES);

        assertThat(recovering.effectivePerMinute()).isEqualTo(3000);
        assertThat(recovering.reason()).startsWith("recovering");
        assertThat(recovered).isEqualTo(new Admission.Throttle(6000, null));
    }

    @Test
    void aRateLoweredByAnAdminBelowTheThrottledOneIsTheCeiling() {
        assertThat(Admission.throttle(room(500, 3000, "slow"), new HoldHealthRepository.Health(0, 0, 0), PROPERTIES))
                .isEqualTo(new Admission.Throttle(500, null));
    }

    private static Room room(int configured, double effective) {
        return room(configured, effective, null);
    }

    private static Room room(int configured, double effective, String reason) {
        Instant now = Instant.now();
        return new Room(UUID.randomUUID(), Room.Status.OPEN, now, configured, 5, effective, reason, 0, 0, 0, now, now,
                now, null, now, now);
    }
}
