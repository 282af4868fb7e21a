package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * One fault to inject: what, on which component, for how long (zero for a kill, the longest pause for a paused
 * service, which ends as soon as its consumer groups have rebalanced).
 */
record Fault(FaultKind kind, Component target, Duration length) {

    Fault {
        if (!kind.targets().contains(target)) {
            throw new IllegalArgumentException(kind.option() + " cannot hit " + target.label());
        }
    }

    /** {@code db-read-only booking-service 12 s}. */
    String describe() {
        String what = kind.option() + " " + target.label();
        if (kind == FaultKind.SERVICE_PAUSE) {
            return what + " (until its consumer groups rebalance, at most " + length.toSeconds() + " s)";
        }
        return length.isZero() ? what : what + String.format(Locale.ROOT, " %d s", length.toSeconds());
    }
}
