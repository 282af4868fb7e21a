package io.ticketing.benchmarks.holdrate;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import io.ticketing.benchmarks.Benchmarks;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of {@link HoldRateBenchmark}. Defaults fit the local stack ({@code ./ticketing up}) on this
 * machine, which the benchmark needs: it reads the processes' CPU from {@code /proc}.
 */
@Command(name = "hold-rate", description = "CPU ms per operation of every process of the stack, with req/s and "
        + "latency, driven by wrk: a no-op straight to the service and through the gateway, uncontended holds, "
        + "refused holds, anonymous seat-map reads.")
public final class HoldRateOptions extends Benchmarks.Options {

    /** The catalog takes at most 500 rows: rows of 100 seats make room for 50,000. */
    static final int SEATS_PER_ROW = 100;
    private static final int MAX_SEATS = 50_000;

    @Option(names = "--service", paramLabel = "URL", defaultValue = "http://127.0.0.1:8082",
            description = "reservation-service itself, for the no-op straight to it (default ${DEFAULT-VALUE})")
    private URI service;

    @Option(names = "--api-client", paramLabel = "NAME", defaultValue = "local-client",
            description = "the key's name, which the gateway passes to the services as X-Api-Client "
                    + "(default ${DEFAULT-VALUE})")
    private String apiClient;

    @Option(names = "--seats", paramLabel = "N", defaultValue = "40000",
            description = "seats of the show, a multiple of 100 up to 50000 (rows of 100); each pair of adjacent "
                    + "seats is held once (default ${DEFAULT-VALUE})")
    private int seats;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "10s",
            description = "before each phase, not measured, whole seconds (default ${DEFAULT-VALUE})")
    private Duration warmup;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "20s",
            description = "measured per phase, whole seconds (default ${DEFAULT-VALUE})")
    private Duration duration;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "64",
            description = "wrk's connections, closed loop, in every phase but the seat-map one "
                    + "(default ${DEFAULT-VALUE})")
    private int connections;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "wrk's threads, 1 or 2: each can keep a core busy (default ${DEFAULT-VALUE})")
    private int threads;

    @Option(names = "--idle", paramLabel = "TIME", defaultValue = "5s",
            description = "the idle stack's CPU is measured this long first; 0s for not at all "
                    + "(default ${DEFAULT-VALUE})")
    private Duration idle;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s",
            description = "wrk's per-request timeout (default ${DEFAULT-VALUE})")
    private Duration timeout;

    @Option(names = "--wrk", paramLabel = "PATH", defaultValue = "wrk",
            description = "the wrk executable, 4.x with LuaJIT (default ${DEFAULT-VALUE})")
    private String wrk;

    @Option(names = "--seat-map-seats", paramLabel = "N", defaultValue = "2000",
            description = "seats of the seat-map phase's own show, a multiple of 100 up to 50000 (rows of 100); a "
                    + "third are held in pairs before the phase (default ${DEFAULT-VALUE})")
    private int seatMapSeats;

    @Option(names = "--seat-map-connections", paramLabel = "N", defaultValue = "500",
            description = "wrk's connections in the seat-map phase only (default ${DEFAULT-VALUE})")
    private int seatMapConnections;

    @Option(names = "--no-seat-map", description = "leave out the last phase, seat-map reads via gateway")
    private boolean noSeatMap;

    static HoldRateOptions parse(String... args) {
        return Benchmarks.parse(new HoldRateOptions(), args);
    }

    @Override
    protected void check() {
        showSeats("seats", seats);
        showSeats("seat-map-seats", seatMapSeats);
        wholeSeconds("warmup", warmup, true);
        wholeSeconds("duration", duration, false);
        wholeSeconds("timeout", timeout, false);
        if (idle.isNegative()) {
            throw new IllegalArgumentException("--idle is 0s or more");
        }
        if (threads < 1 || threads > 2) {
            throw new IllegalArgumentException("--threads is 1 or 2");
        }
        connections("connections", connections, threads);
        connections("seat-map-connections", seatMapConnections, threads);
    }

    @Override
    protected boolean run() throws IOException, InterruptedException {
        return new HoldRateBenchmark(this, System.out).run();
    }

    /** reservation-service itself, for the no-op sent straight to it. */
    URI service() {
        return service;
    }

    String apiClient() {
        return apiClient;
    }

    /** Seats of the show (rows of {@value #SEATS_PER_ROW}): every hold takes two, each pair is held once. */
    int seats() {
        return seats;
    }

    /** Not measured, before each phase. */
    Duration warmup() {
        return warmup;
    }

    /** Measured, per phase. */
    Duration duration() {
        return duration;
    }

    /**
     * wrk's connections, each sending its next request when the previous answer is read; in every phase but the
     * seat-map one.
     */
    int connections() {
        return connections;
    }

    /** wrk's threads: each uses at most one core. */
    int threads() {
        return threads;
    }

    /** How long the idle stack's CPU is measured before the phases (0 for not at all). */
    Duration idle() {
        return idle;
    }

    /** wrk's per-request timeout; an answer later than this is a socket error, not a latency. */
    Duration timeout() {
        return timeout;
    }

    /** The wrk executable. */
    String wrk() {
        return wrk;
    }

    /** Whether the seat-map phase runs, last. */
    boolean seatMap() {
        return !noSeatMap;
    }

    /** Seats of the seat-map phase's own show (rows of {@value #SEATS_PER_ROW}), a third of them held. */
    int seatMapSeats() {
        return seatMapSeats;
    }

    /** wrk's connections in the seat-map phase, where many readers look at one show's map. */
    int seatMapConnections() {
        return seatMapConnections;
    }

    /** Seat pairs of the show: one hold each. */
    int pairs() {
        return seats / WrkScripts.SEATS_PER_HOLD;
    }

    /** Customers, so that every pair has one that holds at most its 10 seats. */
    int customers() {
        return pairs() / WrkScripts.HOLDS_PER_CUSTOMER;
    }

    int rows() {
        return seats / SEATS_PER_ROW;
    }

    /** Seat pairs of the seat-map phase's show. */
    int seatMapPairs() {
        return seatMapSeats / WrkScripts.SEATS_PER_HOLD;
    }

    int seatMapRows() {
        return seatMapSeats / SEATS_PER_ROW;
    }

    private static void showSeats(String option, int seats) {
        if (seats < SEATS_PER_ROW || seats > MAX_SEATS || seats % SEATS_PER_ROW != 0) {
            throw new IllegalArgumentException("--" + option + " is a multiple of " + SEATS_PER_ROW + " from "
                    + SEATS_PER_ROW + " to " + MAX_SEATS);
        }
    }

    private static void connections(String option, int connections, int threads) {
        if (connections < threads || connections > 10_000) {
            throw new IllegalArgumentException("--" + option + " is at least --threads and at most 10000");
        }
    }

    private static void wholeSeconds(String option, Duration value, boolean zeroAllowed) {
        if (value.isNegative() || (!zeroAllowed && value.isZero()) || value.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("--" + option + " is a whole number of seconds" + (zeroAllowed ? "" :
                    " above 0") + " (wrk counts in seconds)");
        }
    }
}
