package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * One fault to inject: what, on which component and which of its instances (1 unless the stack runs several, see
 * {@link Component#port(int)}), for how long (zero for a kill, the longest pause for a paused service, which ends as
 * soon as its consumer groups have rebalanced).
 */
record Fault(FaultKind kind, Component target, int instance, Duration length) {

    Fault {
        if (!kind.targets().contains(target)) {
            throw new IllegalArgumentException(kind.option() + " cannot hit " + target.label());
        }
        if (instance < 1 || instance > 1 && !target.service()) {
            throw new IllegalArgumentException(target.label() + " has no instance " + instance);
        }
    }

    /** A fault on the first (or only) instance. */
    Fault(FaultKind kind, Component target, Duration length) {
        this(kind, target, 1, length);
    }

    /** Where the instance it hits listens. */
    int port() {
        return target.port(instance);
    }

    /** {@code reservation-service}, or {@code reservation-service-2} for the second instance. */
    String label() {
        return target.label(instance);
    }

    /** {@code db-read-only booking-service 12 s}. */
    String describe() {
        String what = kind.option() + " " + label();
        if (kind == FaultKind.SERVICE_PAUSE) {
            return what + " (until its consumer groups rebalance, at most " + length.toSeconds() + " s)";
        }
        return length.isZero() ? what : what + String.format(Locale.ROOT, " %d s", length.toSeconds());
    }
}
