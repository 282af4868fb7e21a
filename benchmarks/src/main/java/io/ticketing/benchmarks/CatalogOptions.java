package io.ticketing.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@link CatalogBenchmark}. Defaults fit the local stack ({@code ./ticketing up}). */
@Command(name = "catalog", description = "Browse and search latency and throughput through the gateway.")
final class CatalogOptions extends Benchmarks.Options {

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "60s",
            description = "measurement per scenario: 60s, 2m, 500ms, PT1M (default ${DEFAULT-VALUE})")
    private Duration duration;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "10s",
            description = "warm-up per scenario, not measured (default ${DEFAULT-VALUE})")
    private Duration warmup;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "32",
            description = "closed-loop clients, one virtual thread each (default ${DEFAULT-VALUE})")
    private int concurrency;

    @Option(names = "--scenarios", paramLabel = "NAME", split = ",", completionCandidates = ScenarioNames.class,
            description = "a subset, in this order (default all): ${COMPLETION-CANDIDATES}")
    private List<String> scenarios;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "seed of the request choice, for repeatable runs (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s",
            description = "per-request timeout; a timeout counts as an error (default ${DEFAULT-VALUE})")
    private Duration timeout;

    /** More cities mean more distinct requests, and so fewer hits in the catalog's read cache. */
    @Option(names = "--discover-cities", paramLabel = "N", defaultValue = "100",
            description = "cities sampled to find real ids (default ${DEFAULT-VALUE})")
    private int discoverCities;

    @Option(names = "--seed-small-catalog",
            description = "on a platform without cities, create a small catalog first (~200 shows)")
    private boolean seedSmallCatalog;

    static CatalogOptions parse(String... args) {
        return Benchmarks.parse(new CatalogOptions(), args);
    }

    @Override
    protected void check() {
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
        for (String name : scenarios()) {
            if (!CatalogScenarios.NAMES.contains(name)) {
                throw new IllegalArgumentException("Unknown scenario '" + name + "'; known: "
                        + String.join(", ", CatalogScenarios.NAMES));
            }
        }
    }

    @Override
    protected boolean run() throws IOException, InterruptedException {
        new CatalogBenchmark(this, System.out).run();
        return true;
    }

    Duration duration() {
        return duration;
    }

    Duration warmup() {
        return warmup;
    }

    int concurrency() {
        return concurrency;
    }

    /** The scenarios to run, each once in the order given; all of {@link CatalogScenarios#NAMES} by default. */
    List<String> scenarios() {
        List<String> names = scenarios == null ? List.of()
                : scenarios.stream().map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
        return names.isEmpty() ? CatalogScenarios.NAMES : names;
    }

    long seed() {
        return seed;
    }

    Duration timeout() {
        return timeout;
    }

    int discoverCities() {
        return discoverCities;
    }

    /** Whether to create a small catalog first when the platform has no city at all. */
    boolean seedSmallCatalog() {
        return seedSmallCatalog;
    }

    /** The scenario names the usage lists. */
    static final class ScenarioNames implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return CatalogScenarios.NAMES.iterator();
        }
    }
}
