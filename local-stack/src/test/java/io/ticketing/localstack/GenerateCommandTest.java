package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class GenerateCommandTest {

    @Test
    void turnsOptionsIntoTheGeneratorsEnvironmentVariables() {
        assertThat(settings("--cities", "20", "--cinemas-per-city=3", "--seed", "-7"))
                .containsExactly(Map.entry("TICKETING_CATALOG_GENERATE_CITIES", "20"),
                        Map.entry("TICKETING_CATALOG_GENERATE_CINEMAS_PER_CITY", "3"),
                        Map.entry("TICKETING_CATALOG_GENERATE_SEED", "-7"));
        assertThat(settings("--halls-per-cinema", "2", "--seats-per-hall", "80", "--shows-per-day", "4", "--days=3"))
                .containsExactly(Map.entry("TICKETING_CATALOG_GENERATE_HALLS_PER_CINEMA", "2"),
                        Map.entry("TICKETING_CATALOG_GENERATE_SEATS_PER_HALL", "80"),
                        Map.entry("TICKETING_CATALOG_GENERATE_SHOWS_PER_DAY", "4"),
                        Map.entry("TICKETING_CATALOG_GENERATE_DAYS", "3"));
    }

    @Test
    void leavesAnOptionNotGivenToTheShellOrTheGeneratorsDefault() {
        assertThat(settings()).isEmpty();
        assertThat(settings("--days", "2")).containsOnlyKeys("TICKETING_CATALOG_GENERATE_DAYS");
    }

    @Test
    void takesTheLastOfAnOptionGivenTwice() {
        assertThat(settings("--cities", "20", "--cities", "30"))
                .containsExactly(Map.entry("TICKETING_CATALOG_GENERATE_CITIES", "30"));
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndNonNumbers() {
        assertThatThrownBy(() -> settings("--towns", "3")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("'--towns'");
        assertThatThrownBy(() -> settings("--cities")).isInstanceOf(ParameterException.class)
                .hasMessage("Missing required parameter for option '--cities' (N)");
        assertThatThrownBy(() -> settings("--days", "many")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--days': 'many' is not a whole number from 1");
        assertThatThrownBy(() -> settings("--days", "0")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--days': '0' is not a whole number from 1");
        assertThatThrownBy(() -> settings("--cities", "3000000000")).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> settings("--seed", "x")).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> settings("20")).isInstanceOf(ParameterException.class)
                .hasMessage("Unmatched argument at index 0: '20'");
    }

    @Test
    void runsTheCatalogServiceAsAGeneratorAgainstTheStacksInfrastructure() {
        Map<String, String> environment = GenerateCommand.environment(Map.of("PATH", "/usr/bin"),
                Map.of("TICKETING_CATALOG_GENERATE_CITIES", "20"));

        assertThat(environment)
                .containsEntry("PATH", "/usr/bin")
                .containsEntry("TICKETING_CATALOG_GENERATE_ENABLED", "true")
                .containsEntry("TICKETING_CATALOG_GENERATE_CITIES", "20")
                .containsEntry("TICKETING_POSTGRES_DATABASE", "catalog")
                .containsEntry("TICKETING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
    }

    @Test
    void letsAnOptionWinOverTheSameVariableInTheShell() {
        Map<String, String> environment = GenerateCommand.environment(
                Map.of("TICKETING_CATALOG_GENERATE_CITIES", "7", "TICKETING_CATALOG_GENERATE_DAYS", "3"),
                settings("--cities", "9"));

        assertThat(environment).containsEntry("TICKETING_CATALOG_GENERATE_CITIES", "9")
                .containsEntry("TICKETING_CATALOG_GENERATE_DAYS", "3");
    }

    /** The generator's variables for these options, read as {@code ./ticketing generate} reads them. */
    private static Map<String, String> settings(String... args) {
        GenerateCommand command = new GenerateCommand(new StackLayout(Path.of(".")), System.out);
        new CommandLine(command).setOverwrittenOptionsAllowed(true).parseArgs(args);
        return command.settings();
    }
}
