package io.ticketing.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * The command line of {@link WaitingLineBenchmark}. Defaults fit the local stack ({@code ./ticketing up}).
 *
 * @param seats seats of the show (rows of 50), all held by holders of two seats each
 * @param waiters customers waiting in the show's line, one session and one long-polling virtual thread each
 * @param waiterSeats seats each waiter asks for (1 to 4, the same for all)
 * @param releaseInterval time between two releases; zero releases every hold at once (burst)
 * @param waitSeconds each long poll's {@code waitSeconds}: at most this long when nothing changes (1 to 30)
 * @param settle how long to wait for offers after the last release was answered
 */
record WaitingLineOptions(URI gateway, String apiKey, String adminKey, int seats, int waiters, int waiterSeats,
        Duration releaseInterval, int waitSeconds, Duration timeout, Duration settle, boolean help) implements Benchmarks.Options {

    /** Every holder holds two seats side by side. */
    static final int HOLD_SEATS = 2;

    static final String USAGE = """
            Usage: run-waiting-line-benchmark.sh [options]

              --gateway URL            the platform's gateway (default http://localhost:8080)
              --api-key KEY            client API key for sessions, holds and the waiting list (default local-client-key)
              --admin-key KEY          admin key, to create the show (default local-admin-key)
              --seats N                seats of the show, a multiple of 50, all held by holders of 2 seats (default 200)
              --waiters N              customers waiting in the show's line, each long-polling (default 200)
              --waiter-seats N         seats each waiter asks for, 1 to 4 (default 1)
              --release-interval TIME  between two releases of a hold; a bare number is milliseconds, 0 releases
                                       every hold at once (default 100)
              --wait-seconds N         each long poll's waitSeconds, 1 to 30 (default 30, the longest allowed)
              --timeout TIME           per-request timeout of everything but the long polls (default 10s)
              --settle TIME            how long to wait for offers after the last release (default 60s)
              --help                   this text
            """;

    WaitingLineOptions {
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
        if (releaseInterval.multipliedBy(seats / HOLD_SEATS).compareTo(Duration.ofMinutes(4)) > 0) {
            throw new IllegalArgumentException("--release-interval × holds (" + seats / HOLD_SEATS + ") must stay "
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

    /** Holders, each holding {@link #HOLD_SEATS} seats: together every seat of the show. */
    int holders() {
        return seats / HOLD_SEATS;
    }

    boolean burst() {
        return releaseInterval.isZero();
    }

    static WaitingLineOptions parse(String... args) {
        CommandLine line = CommandLine.parse(args, Set.of("gateway", "api-key", "admin-key", "seats", "waiters",
                "waiter-seats", "release-interval", "wait-seconds", "timeout", "settle"), Set.of("help"));
        return new WaitingLineOptions(CommandLine.gateway(line.get("gateway", "http://localhost:8080")),
                line.get("api-key", "local-client-key"), line.get("admin-key", "local-admin-key"),
                CommandLine.integer("seats", line.get("seats", "200")),
                CommandLine.integer("waiters", line.get("waiters", "200")),
                CommandLine.integer("waiter-seats", line.get("waiter-seats", "1")),
                milliseconds("release-interval", line.get("release-interval", "100")),
                CommandLine.integer("wait-seconds", line.get("wait-seconds", "30")),
                CommandLine.duration("timeout", line.get("timeout", "10s")),
                CommandLine.duration("settle", line.get("settle", "60s")), line.flag("help"));
    }

    /** A bare number is milliseconds here; {@code 1s}, {@code 250ms} and ISO-8601 as for every duration. */
    private static Duration milliseconds(String option, String value) {
        String plain = value.strip();
        if (plain.matches("\\d+")) {
            return Duration.ofMillis(CommandLine.integer(option, plain));
        }
        return CommandLine.duration(option, plain);
    }
}
