package io.ticketing.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * The command line of {@link ArenaBenchmark}. Defaults are issue 14's arena: 60,000 seats, 10,000 customers.
 *
 * @param seatsPerRow seats per row, a multiple of 50; the catalog takes at most 500 rows
 * @param connections requests in flight at most: the customers' connections end at an ingress, which keeps this
 *        many to the gateway
 * @param streams seat-map streams opened next to the customers; the first is the customers' shared view
 * @param phaseLimit the race stops sending after this long, so that no hold can expire during the run (5 minutes)
 */
record ArenaOptions(URI gateway, String apiKey, String adminKey, int seats, int seatsPerRow, int customers,
        int connections, int streams, long seed, Duration timeout, Duration phaseLimit, boolean help) implements Benchmarks.Options {

    private static final int MAX_ROWS = 500;

    static final String USAGE = """
            Usage: run-arena-benchmark.sh [options]

              --gateway URL          the platform's gateway (default http://localhost:8080)
              --api-key KEY          client API key for sessions, seat maps, streams and holds (default local-client-key)
              --admin-key KEY        admin key, to create the show (default local-admin-key)
              --seats N              seats of the arena (default 60000)
              --seats-per-row N      seats per row, a multiple of 50 that divides --seats into at most 500 rows
                                     (default 200)
              --customers N          concurrent customers, one session and one virtual thread each (default 10000)
              --connections N        requests in flight at most, as through an ingress that keeps this many
                                     connections to the gateway; the other customers wait their turn (default 256)
              --streams N            seat-map streams (SSE) opened besides, each checked against the final map;
                                     the first is the customers' shared view (default 50)
              --seed N               seed of the customers' choices (default 1)
              --timeout TIME         per-request timeout; a timeout counts as an error (default 10s)
              --phase-limit TIME     stop the race after this long, well before holds expire (default 4m)
              --help                 this text
            """;

    ArenaOptions {
        if (seatsPerRow < HotShowSetup.SEATS_PER_ROW || seatsPerRow % HotShowSetup.SEATS_PER_ROW != 0) {
            throw new IllegalArgumentException("--seats-per-row is a multiple of " + HotShowSetup.SEATS_PER_ROW);
        }
        if (seats < seatsPerRow || seats % seatsPerRow != 0 || seats / seatsPerRow > MAX_ROWS) {
            throw new IllegalArgumentException("--seats is a multiple of --seats-per-row, in at most " + MAX_ROWS
                    + " rows");
        }
        if (customers < 1 || customers > 20_000) {
            throw new IllegalArgumentException("--customers is 1 to 20000");
        }
        if (connections < 1 || connections > customers) {
            throw new IllegalArgumentException("--connections is 1 to --customers");
        }
        if (streams < 1 || streams > 1_000) {
            throw new IllegalArgumentException("--streams is 1 to 1000");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        if (phaseLimit.isZero() || phaseLimit.isNegative() || phaseLimit.compareTo(Duration.ofMinutes(5)) >= 0) {
            throw new IllegalArgumentException("--phase-limit is positive and under 5 minutes (a hold's life)");
        }
    }

    static ArenaOptions parse(String... args) {
        CommandLine line = CommandLine.parse(args, Set.of("gateway", "api-key", "admin-key", "seats", "seats-per-row",
                "customers", "connections", "streams", "seed", "timeout", "phase-limit"), Set.of("help"));
        return new ArenaOptions(CommandLine.gateway(line.get("gateway", "http://localhost:8080")),
                line.get("api-key", "local-client-key"), line.get("admin-key", "local-admin-key"),
                CommandLine.integer("seats", line.get("seats", "60000")),
                CommandLine.integer("seats-per-row", line.get("seats-per-row", "200")),
                CommandLine.integer("customers", line.get("customers", "10000")),
                CommandLine.integer("connections", line.get("connections", "256")),
                CommandLine.integer("streams", line.get("streams", "50")), CommandLine.seed(line.get("seed", "1")),
                CommandLine.duration("timeout", line.get("timeout", "10s")),
                CommandLine.duration("phase-limit", line.get("phase-limit", "4m")), line.flag("help"));
    }
}
