package io.ticketing.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * The command line of {@link HotShowBenchmark}. Defaults fit the local stack ({@code ./ticketing up}).
 *
 * @param customers customers racing for the hot show, one session and one virtual thread each
 * @param warmupSeats seats of the throwaway show the customers race for first (rows of 50); 0 for no warm-up
 * @param phaseLimit a phase stops sending after this long, so that no hold can expire during the run (5 minutes)
 */
record HotShowOptions(URI gateway, String apiKey, String adminKey, int customers, int warmupSeats, long seed,
        Duration timeout, Duration phaseLimit, boolean help) implements Benchmarks.Options {

    static final String USAGE = """
            Usage: run-hot-show-benchmark.sh [options]

              --gateway URL          the platform's gateway (default http://localhost:8080)
              --api-key KEY          client API key for sessions, seat maps and holds (default local-client-key)
              --admin-key KEY        admin key, to create the shows (default local-admin-key)
              --customers N          concurrent customers, one session each (default 400)
              --warmup-seats N       seats of a throwaway show raced for first, to warm the JVMs; rows of 50,
                                     0 for none (default 1000)
              --seed N               seed of the customers' choices, for repeatable runs (default 1)
              --timeout TIME         per-request timeout; a timeout counts as an error (default 10s)
              --phase-limit TIME     stop a phase after this long, well before holds expire (default 4m)
              --help                 this text
            """;

    HotShowOptions {
        if (customers < 1 || customers > 10_000) {
            throw new IllegalArgumentException("--customers is 1 to 10000");
        }
        if (warmupSeats < 0 || warmupSeats > 5_000) {
            throw new IllegalArgumentException("--warmup-seats is 0 to 5000");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        if (phaseLimit.isZero() || phaseLimit.isNegative() || phaseLimit.compareTo(Duration.ofMinutes(5)) >= 0) {
            throw new IllegalArgumentException("--phase-limit is positive and under 5 minutes (a hold's life)");
        }
    }

    static HotShowOptions parse(String... args) {
        CommandLine line = CommandLine.parse(args, Set.of("gateway", "api-key", "admin-key", "customers",
                "warmup-seats", "seed", "timeout", "phase-limit"), Set.of("help"));
        return new HotShowOptions(CommandLine.gateway(line.get("gateway", "http://localhost:8080")),
                line.get("api-key", "local-client-key"), line.get("admin-key", "local-admin-key"),
                CommandLine.integer("customers", line.get("customers", "400")),
                CommandLine.integer("warmup-seats", line.get("warmup-seats", "1000")),
                CommandLine.seed(line.get("seed", "1")), CommandLine.duration("timeout", line.get("timeout", "10s")),
                CommandLine.duration("phase-limit", line.get("phase-limit", "4m")), line.flag("help"));
    }
}
