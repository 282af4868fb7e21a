package io.ticketing.benchmarks;

import java.io.IOException;
import java.time.Duration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@link HotShowBenchmark}. Defaults fit the local stack ({@code ./ticketing up}). */
@Command(name = "hot-show", description = "Hundreds of customers hold the 2,000 seats of one show; oversells; "
        + "compared with a no-op endpoint.")
final class HotShowOptions extends Benchmarks.Options {

    @Option(names = "--customers", paramLabel = "N", defaultValue = "400",
            description = "concurrent customers, one session each (default ${DEFAULT-VALUE})")
    private int customers;

    @Option(names = "--warmup-seats", paramLabel = "N", defaultValue = "1000",
            description = "seats of a throwaway show raced for first, to warm the JVMs; rows of 50, 0 for none "
                    + "(default ${DEFAULT-VALUE})")
    private int warmupSeats;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "seed of the customers' choices, for repeatable runs (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s",
            description = "per-request timeout; a timeout counts as an error (default ${DEFAULT-VALUE})")
    private Duration timeout;

    /** Under 5 minutes, so that no hold can expire during the run. */
    @Option(names = "--phase-limit", paramLabel = "TIME", defaultValue = "4m",
            description = "stop a phase after this long, well before holds expire (default ${DEFAULT-VALUE})")
    private Duration phaseLimit;

    static HotShowOptions parse(String... args) {
        return Benchmarks.parse(new HotShowOptions(), args);
    }

    @Override
    protected void check() {
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

    @Override
    protected boolean run() throws IOException, InterruptedException {
        return new HotShowBenchmark(this, System.out).run();
    }

    /** Customers racing for the hot show, one session and one virtual thread each. */
    int customers() {
        return customers;
    }

    /** Seats of the throwaway show the customers race for first (rows of 50); 0 for no warm-up. */
    int warmupSeats() {
        return warmupSeats;
    }

    long seed() {
        return seed;
    }

    Duration timeout() {
        return timeout;
    }

    /** A phase stops sending after this long. */
    Duration phaseLimit() {
        return phaseLimit;
    }
}
