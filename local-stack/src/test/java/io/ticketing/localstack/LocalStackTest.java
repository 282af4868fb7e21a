package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ticketing.localstack.infra.BuildVersions;

import picocli.CommandLine;

/** The launcher's command line as {@code ./ticketing} passes it on; nothing here starts a stack. */
class LocalStackTest {

    @TempDir
    private Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void listsItsCommandsInTheOrderTheyAreUsed() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: ticketing [-hV] [COMMAND]")
                .containsSubsequence("  up ", "  reset ", "  generate ", "  status ", "  help ")
                .contains("TICKETING_SERVICE_JAVA_OPTS")
                .doesNotContain("kafka-broker");
    }

    @Test
    void helpIsACommandToo() {
        assertThat(run("help")).isZero();
        assertThat(run("help", "generate")).isZero();
        assertThat(out.toString()).contains("Usage: ticketing [-hV] [COMMAND]", "Usage: ticketing generate [-hV]");
    }

    @Test
    void everyCommandHasItsHelp() {
        assertThat(run("up", "--help")).isZero();
        assertThat(run("generate", "-h")).isZero();
        assertThat(run("reset", "--help")).isZero();
        assertThat(run("status", "--help")).isZero();
        assertThat(out.toString())
                .contains("Usage: ticketing up [-hV] [--infra-only]", "--rebuild")
                .contains("--cinemas-per-city=N", "TICKETING_CATALOG_GENERATE_<OPTION>", "10,000 shows, seed 42")
                .contains("Usage: ticketing reset [-hV]", "Usage: ticketing status [-hV]");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void tellsTheVersionItWasBuiltWith() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).isEqualTo("ticketing " + BuildVersions.platform() + System.lineSeparator());
    }

    @Test
    void refusesAnUnknownOptionWithTheUsageAndExitCode2() {
        assertThat(run("up", "--rebuilt")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unknown option: '--rebuilt'").contains("Usage: ticketing up");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusesABadValueBeforeLookingForARunningStack() {
        assertThat(run("generate", "--days", "0")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Invalid value for option '--days': '0' is not a whole number from 1")
                .contains("Usage: ticketing generate");
    }

    @Test
    void refusesAnUnknownCommand() {
        assertThat(run("start")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unmatched argument at index 0: 'start'");
    }

    @Test
    void runsTheKafkaBrokerOnlyWithItsThreeArguments() {
        assertThat(run("kafka-broker", home.toString(), "19092")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing required parameter: '<controller port>'");
    }

    private int run(String... args) {
        CommandLine line = LocalStack.commandLine(new StackLayout(home));
        return line.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }
}
