package io.ticketing.benchmarks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Arrays;
import java.util.function.Function;

import io.ticketing.benchmarks.chaos.ChaosBenchmark;
import io.ticketing.benchmarks.holdrate.HoldRateBenchmark;

/**
 * The entry of the benchmarks' executable jar: {@code java -jar benchmarks-exec.jar <benchmark> [options]}, where
 * the benchmark is {@code catalog} ({@link CatalogBenchmark}), {@code hot-show} ({@link HotShowBenchmark}),
 * {@code waiting-line} ({@link WaitingLineBenchmark}), {@code chaos} ({@link ChaosBenchmark}), {@code hold-rate}
 * ({@link HoldRateBenchmark}) or {@code arena} ({@link ArenaBenchmark}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    /** What every benchmark's options have: the gateway to measure, and whether only the usage was asked for. */
    public interface Options {

        URI gateway();

        boolean help();
    }

    /** One benchmark run; {@code true} when it passed its own checks. */
    public interface Run<O> {

        boolean run(O options) throws IOException, InterruptedException;
    }

    /**
     * Parses the options (exit 2 and the usage when they are wrong), runs the benchmark and exits 0 when it
     * passed, 1 when it failed its checks, could not reach the gateway or stopped.
     */
    public static <O extends Options> void launch(String[] args, Function<String[], O> parse, String usage, Run<O> benchmark)
            throws InterruptedException {
        O options;
        try {
            options = parse.apply(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.print(usage);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(usage);
            return;
        }
        try {
            System.exit(benchmark.run(options) ? 0 : 1);
        }
        catch (ConnectException ex) {
            System.err.println("Cannot reach the gateway at " + options.gateway() + ": start the platform first "
                    + "(see benchmarks/README.md)");
            System.exit(1);
        }
        catch (IOException | IllegalStateException ex) {
            System.err.println("Benchmark stopped: " + ex);
            System.exit(1);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String benchmark = args.length == 0 ? "" : args[0];
        String[] options = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (benchmark) {
            case "catalog" -> CatalogBenchmark.main(options);
            case "hot-show" -> HotShowBenchmark.main(options);
            case "waiting-line" -> WaitingLineBenchmark.main(options);
            case "chaos" -> ChaosBenchmark.main(options);
            case "hold-rate" -> HoldRateBenchmark.main(options);
            case "arena" -> ArenaBenchmark.main(options);
            default -> {
                System.err.println("Usage: java -jar benchmarks-exec.jar catalog|hot-show|waiting-line|chaos|hold-rate|arena [options]; --help for the options");
                System.exit(2);
            }
        }
    }
}
