package io.ticketing.localstack;

import java.time.Duration;

/**
 * How long the launcher waits before it restarts a process that died, as Kubernetes does for a crashing
 * container: the pause doubles with every restart (1 s, 2 s, 4 s … up to 30 s), so a process that cannot
 * start does not take the machine's CPU with it, and it is back to the shortest pause once the process has
 * run healthy for a while, so a single crash much later is restarted at once again.
 */
final class RestartBackoff {

    private final Duration first;
    private final Duration longest;
    private final Duration healthyRun;
    private int restarts;

    /**
     * @param first      the pause before the first restart
     * @param longest    the pause never grows beyond this
     * @param healthyRun a process that ran healthy at least this long starts again from {@code first}
     */
    RestartBackoff(Duration first, Duration longest, Duration healthyRun) {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("Need 0 < first <= longest, got " + first + " and " + longest);
        }
        this.first = first;
        this.longest = longest;
        this.healthyRun = healthyRun;
    }

    /** 1 s, doubling up to 30 s; reset after a minute of healthy running. */
    static RestartBackoff standard() {
        return new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    /**
     * The pause before the next restart.
     *
     * @param ranHealthy how long the process that just died had been ready (zero if it never was)
     */
    synchronized Duration next(Duration ranHealthy) {
        if (ranHealthy.compareTo(healthyRun) >= 0) {
            restarts = 0;
        }
        Duration pause = first;
        for (int i = 0; i < restarts && pause.compareTo(longest) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        restarts++;
        return pause.compareTo(longest) > 0 ? longest : pause;
    }
}
