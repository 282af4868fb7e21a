package io.ticketing.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@link CatalogBenchmark}. Defaults fit the local stack ({@code ./ticketing up}); every
 * option also accepts the {@code --name=value} form.
 *
 * @param scenarios the scenarios to run, in the order given; all of {@link CatalogScenarios#NAMES} by default
 * @param discoverCities how many cities discovery samples; more cities mean more distinct requests and so
 *        fewer hits in the catalog's read cache
 * @param seedSmallCatalog create a small catalog first when the platform has no city at all
 */
record CatalogOptions(URI gateway, String apiKey, String adminKey, Duration duration, Duration warmup,
        int concurrency, List<String> scenarios, long seed, Duration timeout, int discoverCities,
        boolean seedSmallCatalog, boolean help) implements Benchmarks.Options {

    static final String USAGE = """
            Usage: run-catalog-benchmark.sh [options]

              --gateway URL          the platform's gateway (default http://localhost:8080)
              --api-key KEY          client API key for browse and search (default local-client-key)
              --admin-key KEY        admin key, to read the number of indexed shows (default local-admin-key)
              --duration TIME        measurement per scenario: 60s, 2m, 500ms, PT1M (default 60s)
              --warmup TIME          warm-up per scenario, not measured (default 10s)
              --concurrency N        closed-loop clients, one virtual thread each (default 32)
              --scenarios A,B,...    a subset, in this order (default all):
                                     %s
              --seed N               seed of the request choice, for repeatable runs (default 1)
              --timeout TIME         per-request timeout; a timeout counts as an error (default 10s)
              --discover-cities N    cities sampled to find real ids (default 100)
              --seed-small-catalog   on a platform without cities, create a small catalog first (~200 shows)
              --help                 this text
            """.formatted(String.join(", ", CatalogScenarios.NAMES));

    CatalogOptions {
        scenarios = List.copyOf(scenarios);
        if (concurrency < 1 || concurrency > 10_000) {
            throw new IllegalArgumentException("--concurrency is 1 to 10000");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        if (discoverCities < 1) {
            throw new IllegalArgumentException("--discover-cities must be at least 1");
        }
    }

    static CatalogOptions parse(String... args) {
        CommandLine line = CommandLine.parse(args, Set.of("gateway", "api-key", "admin-key", "duration", "warmup",
                "concurrency", "scenarios", "seed", "timeout", "discover-cities"), Set.of("help", "seed-small-catalog"));
        return new CatalogOptions(CommandLine.gateway(line.get("gateway", "http://localhost:8080")),
                line.get("api-key", "local-client-key"), line.get("admin-key", "local-admin-key"),
                CommandLine.duration("duration", line.get("duration", "60s")),
                CommandLine.duration("warmup", line.get("warmup", "10s")),
                CommandLine.integer("concurrency", line.get("concurrency", "32")),
                scenarios(line.get("scenarios")), CommandLine.seed(line.get("seed", "1")),
                CommandLine.duration("timeout", line.get("timeout", "10s")),
                CommandLine.integer("discover-cities", line.get("discover-cities", "100")),
                line.flag("seed-small-catalog"), line.flag("help"));
    }

    private static List<String> scenarios(String value) {
        if (value == null || value.isBlank()) {
            return CatalogScenarios.NAMES;
        }
        List<String> names = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.strip();
            if (!CatalogScenarios.NAMES.contains(name)) {
                throw new IllegalArgumentException("Unknown scenario '" + name + "'; known: "
                        + String.join(", ", CatalogScenarios.NAMES));
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
