package io.ticketing.benchmarks;

import java.io.IOException;
import java.time.Duration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@link WaitingLineBenchmark}. Defaults fit the local stack ({@code ./ticketing up}). */
@Command(name = "waiting-line", description = "Hundreds of customers long-poll one show's waiting line while its "
        + "holds are released: release to offer latency; first come, first served.")
final class WaitingLineOptions extends Benchmarks.Options {

    /** Every holder holds two seats side by side. */
    static final int HOLD_SEATS = 2;

    @Option(names = "--seats", paramLabel = "N", defaultValue = "200",
            description = "seats of the show, a multiple of 50, all held by holders of 2 seats "
                    + "(default ${DEFAULT-VALUE})")
    private int seats;

    @Option(names = "--waiters", paramLabel = "N", defaultValue = "200",
            description = "customers waiting in the show's line, each long-polling (default ${DEFAULT-VALUE})")
    private int waiters;

    @Option(names = "--waiter-seats", paramLabel = "N", defaultValue = "1",
            description = "seats each waiter asks for, 1 to 4 (default ${DEFAULT-VALUE})")
    private int waiterSeats;

    @Option(names = "--release-interval", paramLabel = "TIME", defaultValue = "100",
            converter = OptionValues.Milliseconds.class,
            description = "between two releases of a hold; a bare number is milliseconds, 0 releases every hold at "
                    + "once (default ${DEFAULT-VALUE})")
    private Duration releaseInterval;

    @Option(names = "--wait-seconds", paramLabel = "N", defaultValue = "30",
            description = "each long poll's waitSeconds, 1 to 30 (default ${DEFAULT-VALUE}, the longest allowed)")
    private int waitSeconds;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s",
            description = "per-request timeout of everything but the long polls (default ${DEFAULT-VALUE})")
    private Duration timeout;

    @Option(names = "--settle", paramLabel = "TIME", defaultValue = "60s",
            description = "how long to wait for offers after the last release (default ${DEFAULT-VALUE})")
    private Duration settle;

    static WaitingLineOptions parse(String... args) {
        return Benchmarks.parse(new WaitingLineOptions(), args);
    }

    @Override
    protected void check() {
        if (seats < HotShowSetup.SEATS_PER_ROW || seats > 5_000 || seats % HotShowSetup.SEATS_PER_ROW != 0) {
            throw new IllegalArgumentException("--seats is a multiple of 50 from 50 to 5000");
        }
        if (waiters < 1 || waiters > 5_000) {
            throw new IllegalArgumentException("--waiters is 1 to 5000");
        }
        if (waiterSeats < 1 || waiterSeats > 4) {
            throw new IllegalArgumentException("--waiter-seats is 1 to 4");
        }
        if (releaseInterval.isNegative()) {
            throw new IllegalArgumentException("--release-interval is 0 or more");
        }
        if (releaseInterval.multipliedBy(holders()).compareTo(Duration.ofMinutes(4)) > 0) {
            throw new IllegalArgumentException("--release-interval × holds (" + holders() + ") must stay "
                    + "under 4 minutes: the holds would expire (5 minutes) before they are released");
        }
        if (waitSeconds < 1 || waitSeconds > 30) {
            throw new IllegalArgumentException("--wait-seconds is 1 to 30");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        if (settle.isNegative()) {
            throw new IllegalArgumentException("--settle is 0 or more");
        }
    }

    @Override
    protected boolean run() throws IOException, InterruptedException {
        return new WaitingLineBenchmark(this, System.out).run();
    }

    /** Seats of the show (rows of 50), all held by holders of two seats each. */
    int seats() {
        return seats;
    }

    /** Customers waiting in the show's line, one session and one long-polling virtual thread each. */
    int waiters() {
        return waiters;
    }

    /** Seats each waiter asks for (1 to 4, the same for all). */
    int waiterSeats() {
        return waiterSeats;
    }

    /** Time between two releases; zero releases every hold at once (burst). */
    Duration releaseInterval() {
        return releaseInterval;
    }

    /** Each long poll's {@code waitSeconds}: at most this long when nothing changes (1 to 30). */
    int waitSeconds() {
        return waitSeconds;
    }

    Duration timeout() {
        return timeout;
    }

    /** How long to wait for offers after the last release was answered. */
    Duration settle() {
        return settle;
    }

    /** Holders, each holding {@link #HOLD_SEATS} seats: together every seat of the show. */
    int holders() {
        return seats / HOLD_SEATS;
    }

    boolean burst() {
        return releaseInterval.isZero();
    }
}
