package io.ticketing.benchmarks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.ticketing.benchmarks.chaos.ChaosBenchmark;
import io.ticketing.benchmarks.chaos.ChaosOptions;
import io.ticketing.benchmarks.holdrate.HoldRateBenchmark;
import io.ticketing.benchmarks.holdrate.HoldRateOptions;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The entry of the benchmarks' executable jar: {@code java -jar benchmarks-exec.jar <benchmark> [options]}, where
 * the benchmark is {@code catalog} ({@link CatalogBenchmark}), {@code hot-show} ({@link HotShowBenchmark}),
 * {@code waiting-line} ({@link WaitingLineBenchmark}), {@code chaos} ({@link ChaosBenchmark}), {@code hold-rate}
 * ({@link HoldRateBenchmark}) or {@code arena} ({@link ArenaBenchmark}). Each benchmark's options are a picocli
 * command ({@link Options}); {@code --help} lists them.
 */
@Command(name = "run-benchmark.sh", subcommands = { CatalogOptions.class, HotShowOptions.class,
        WaitingLineOptions.class, ChaosOptions.class, HoldRateOptions.class, ArenaOptions.class },
        description = "Runs one benchmark against the gateway of a running platform and prints the numbers.",
        scope = ScopeType.INHERIT, abbreviateSynopsis = true, sortOptions = false, usageHelpWidth = 120)
public final class Benchmarks {

    @Option(names = { "-h", "--help" }, usageHelp = true, scope = ScopeType.INHERIT, description = "this text")
    private boolean help;

    private Benchmarks() {
    }

    /**
     * A benchmark's command line: its options, read by picocli into the fields of a subclass, then checked together
     * before the benchmark runs with them. Every option takes {@code --name value} or {@code --name=value}; when one
     * is given twice, the last wins.
     */
    public abstract static class Options implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--gateway", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
                description = "the platform's gateway (default ${DEFAULT-VALUE})")
        private URI gateway;

        @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "local-client-key",
                description = "client API key, for customers' sessions and requests (default ${DEFAULT-VALUE})")
        private String apiKey;

        @Option(names = "--admin-key", paramLabel = "KEY", defaultValue = "local-admin-key",
                description = "admin key, to set up shows and read admin state (default ${DEFAULT-VALUE})")
        private String adminKey;

        /** The gateway the benchmark drives. */
        public URI gateway() {
            return gateway;
        }

        public String apiKey() {
            return apiKey;
        }

        public String adminKey() {
            return adminKey;
        }

        /**
         * Refuses options that the benchmark cannot run with: out of range, or not going together.
         *
         * @throws IllegalArgumentException naming the option
         */
        protected abstract void check();

        /** Runs the benchmark; {@code true} when it passed its own checks. */
        protected abstract boolean run() throws IOException, InterruptedException;

        /**
         * Runs the benchmark with the checked options: exit code 0 when it passed, 1 when it failed its checks,
         * could not reach the gateway or stopped; options it cannot run with give picocli's usage and exit code 2.
         */
        @Override
        public final Integer call() throws InterruptedException {
            checked();
            try {
                return run() ? 0 : 1;
            }
            catch (ConnectException ex) {
                System.err.println("Cannot reach the gateway at " + gateway() + ": start the platform first "
                        + "(see benchmarks/README.md)");
                return 1;
            }
            catch (IOException | IllegalStateException ex) {
                System.err.println("Benchmark stopped: " + ex);
                return 1;
            }
        }

        final void checked() {
            try {
                check();
            }
            catch (IllegalArgumentException ex) {
                throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
            }
        }
    }

    /**
     * Reads and checks a benchmark's options as a run does before it starts.
     *
     * @throws ParameterException for an unknown option, a value that is not of its type, or options that
     *         {@link Options#check()} refuses
     */
    public static <O extends Options> O parse(O options, String... args) {
        commandLine(options).parseArgs(args);
        options.checked();
        return options;
    }

    /** The command line of every benchmark, as {@code run-benchmark.sh} passes it on. */
    static CommandLine commandLine() {
        return commandLine(new Benchmarks());
    }

    /** picocli with the value types the benchmarks share: durations and gateway URLs ({@link OptionValues}). */
    private static CommandLine commandLine(Object command) {
        return new CommandLine(command)
                .registerConverter(Duration.class, OptionValues::duration)
                .registerConverter(URI.class, OptionValues::url)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOverwrittenOptionsAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
