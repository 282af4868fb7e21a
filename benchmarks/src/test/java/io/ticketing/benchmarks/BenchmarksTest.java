package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The jar's command line as {@code run-benchmark.sh} passes it on: help, and what a wrong option does. */
class BenchmarksTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void listsTheBenchmarks() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: run-benchmark.sh [OPTIONS] [COMMAND]")
                .contains("catalog", "hot-show", "waiting-line", "chaos", "hold-rate", "arena");
    }

    @Test
    void printsEachBenchmarksOptionsWithTheirDefaults() {
        for (String benchmark : List.of("catalog", "hot-show", "waiting-line", "chaos", "hold-rate", "arena")) {
            assertThat(run(benchmark, "--help")).as(benchmark).isZero();
        }
        assertThat(out.toString())
                .contains("Usage: run-benchmark.sh catalog [OPTIONS]", "--scenarios=NAME[,NAME...]", "search-filters")
                .contains("--seats-per-row=N", "(default 200)")
                .contains("--faults=NAME[,NAME...]", "kill-service", "(default 127.0.0.1:15432)")
                .contains("--no-seat-map", "(default http://127.0.0.1:8082)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void refusesAnUnknownOptionWithTheUsageAndExitCode2() {
        assertThat(run("hot-show", "--concurrency", "4")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unknown options: '--concurrency', '4'")
                .contains("Usage: run-benchmark.sh hot-show [OPTIONS]");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusesOptionsThatDoNotGoTogetherBeforeRunningAnything() {
        assertThat(run("arena", "--customers", "10", "--connections", "20")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--connections is 1 to --customers")
                .contains("Usage: run-benchmark.sh arena [OPTIONS]");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        assertThat(run("waiting-line", "--settle", "soon")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Invalid value for option '--settle': 'soon' is not a duration");
    }

    @Test
    void needsABenchmark() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("load")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required subcommand", "Unmatched argument at index 0: 'load'");
    }

    private int run(String... args) {
        CommandLine line = Benchmarks.commandLine();
        return line.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }
}
