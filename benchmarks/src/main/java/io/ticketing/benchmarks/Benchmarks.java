package io.ticketing.benchmarks;

import java.util.Arrays;

/**
 * The entry of the benchmarks' executable jar: {@code java -jar benchmarks-exec.jar <benchmark> [options]}, where
 * the benchmark is {@code catalog} ({@link CatalogBenchmark}) or {@code hot-show} ({@link HotShowBenchmark}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws InterruptedException {
        String benchmark = args.length == 0 ? "" : args[0];
        String[] options = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (benchmark) {
            case "catalog" -> CatalogBenchmark.main(options);
            case "hot-show" -> HotShowBenchmark.main(options);
            default -> {
                System.err.println("Usage: java -jar benchmarks-exec.jar catalog|hot-show [options]; --help for the options");
                System.exit(2);
            }
        }
    }
}
