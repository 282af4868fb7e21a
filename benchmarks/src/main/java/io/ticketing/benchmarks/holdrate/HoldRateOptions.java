package io.ticketing.benchmarks.holdrate;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import io.ticketing.benchmarks.Benchmarks;
import io.ticketing.benchmarks.CommandLine;

/**
 * The command line of {@link HoldRateBenchmark}. Defaults fit the local stack ({@code ./ticketing up}) on this
 * machine, which the benchmark needs: it reads the processes' CPU from {@code /proc}.
 *
 * @param service reservation-service itself, for the no-op sent straight to it
 * @param seats seats of the show (rows of {@value #SEATS_PER_ROW}): every hold takes two, each pair is held once
 * @param warmup not measured, before each phase
 * @param duration measured, per phase
 * @param connections wrk's connections, each sending its next request when the previous answer is read; in every phase
 *        but the seat-map one
 * @param threads wrk's threads: each uses at most one core
 * @param idle how long the idle stack's CPU is measured before the phases (0 for not at all)
 * @param timeout wrk's per-request timeout; an answer later than this is a socket error, not a latency
 * @param wrk the wrk executable
 * @param seatMap whether the seat-map phase runs, last
 * @param seatMapSeats seats of the seat-map phase's own show (rows of {@value #SEATS_PER_ROW}), a third of them held
 * @param seatMapConnections wrk's connections in the seat-map phase, where many readers look at one show's map
 */
record HoldRateOptions(URI gateway, URI service, String apiKey, String adminKey, String apiClient, int seats,
        Duration warmup, Duration duration, int connections, int threads, Duration idle, Duration timeout, String wrk,
        boolean seatMap, int seatMapSeats, int seatMapConnections, boolean help) implements Benchmarks.Options {

    /** The catalog takes at most 500 rows: rows of 100 seats make room for 50,000. */
    static final int SEATS_PER_ROW = 100;
    private static final int MAX_SEATS = 50_000;

    static final String USAGE = """
            Usage: run-hold-rate-benchmark.sh [options]

              --gateway URL        the platform's gateway (default http://127.0.0.1:8080)
              --service URL        reservation-service itself, for the no-op straight to it (default http://127.0.0.1:8082)
              --api-key KEY        client API key for sessions, no-ops, holds and seat-map reads
                                   (default local-client-key)
              --admin-key KEY      admin key, to create the shows (default local-admin-key)
              --api-client NAME    the key's name, which the gateway passes to the services as X-Api-Client
                                   (default local-client)
              --seats N            seats of the show, a multiple of 100 up to 50000 (rows of 100); each pair of
                                   adjacent seats is held once (default 40000)
              --warmup TIME        before each phase, not measured, whole seconds (default 10s)
              --duration TIME      measured per phase, whole seconds (default 20s)
              --connections N      wrk's connections, closed loop, in every phase but the seat-map one (default 64)
              --threads N          wrk's threads, 1 or 2: each can keep a core busy (default 1)
              --idle TIME          the idle stack's CPU is measured this long first; 0s for not at all (default 5s)
              --timeout TIME       wrk's per-request timeout (default 10s)
              --wrk PATH           the wrk executable, 4.x with LuaJIT (default wrk)
              --seat-map-seats N   seats of the seat-map phase's own show, a multiple of 100 up to 50000 (rows of
                                   100); a third are held in pairs before the phase (default 2000)
              --seat-map-connections N
                                   wrk's connections in the seat-map phase only (default 500)
              --no-seat-map        leave out the last phase, seat-map reads via gateway
              --help               this text
            """;

    HoldRateOptions {
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

    static HoldRateOptions parse(String... args) {
        CommandLine line = CommandLine.parse(args, Set.of("gateway", "service", "api-key", "admin-key", "api-client",
                "seats", "warmup", "duration", "connections", "threads", "idle", "timeout", "wrk", "seat-map-seats",
                "seat-map-connections"), Set.of("no-seat-map", "help"));
        return new HoldRateOptions(CommandLine.gateway(line.get("gateway", "http://127.0.0.1:8080")),
                CommandLine.url("service", line.get("service", "http://127.0.0.1:8082")),
                line.get("api-key", "local-client-key"), line.get("admin-key", "local-admin-key"),
                line.get("api-client", "local-client"), CommandLine.integer("seats", line.get("seats", "40000")),
                CommandLine.duration("warmup", line.get("warmup", "10s")),
                CommandLine.duration("duration", line.get("duration", "20s")),
                CommandLine.integer("connections", line.get("connections", "64")),
                CommandLine.integer("threads", line.get("threads", "1")),
                CommandLine.duration("idle", line.get("idle", "5s")),
                CommandLine.duration("timeout", line.get("timeout", "10s")), line.get("wrk", "wrk"),
                !line.flag("no-seat-map"), CommandLine.integer("seat-map-seats", line.get("seat-map-seats", "2000")),
                CommandLine.integer("seat-map-connections", line.get("seat-map-connections", "500")),
                line.flag("help"));
    }
}
