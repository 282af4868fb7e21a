package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerateCommandTest {

    @Test
    void turnsOptionsIntoTheGeneratorsEnvironmentVariables() {
        assertThat(GenerateCommand.settings(List.of("--cities", "20", "--cinemas-per-city=3", "--seed", "-7")))
                .containsExactly(Map.entry("TICKETING_CATALOG_GENERATE_CITIES", "20"),
                        Map.entry("TICKETING_CATALOG_GENERATE_CINEMAS_PER_CITY", "3"),
                        Map.entry("TICKETING_CATALOG_GENERATE_SEED", "-7"));
        assertThat(GenerateCommand.settings(List.of())).isEmpty();
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndNonNumbers() {
        assertThatIllegalArgumentException().isThrownBy(() -> GenerateCommand.settings(List.of("--towns", "3")))
                .withMessageContaining("--towns");
        assertThatIllegalArgumentException().isThrownBy(() -> GenerateCommand.settings(List.of("--cities")));
        assertThatIllegalArgumentException().isThrownBy(() -> GenerateCommand.settings(List.of("--days", "many")));
        assertThatIllegalArgumentException().isThrownBy(() -> GenerateCommand.settings(List.of("--days", "0")));
        assertThatIllegalArgumentException().isThrownBy(() -> GenerateCommand.settings(List.of("20")));
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
                Map.of("TICKETING_CATALOG_GENERATE_CITIES", "7"), GenerateCommand.settings(List.of("--cities", "9")));

        assertThat(environment).containsEntry("TICKETING_CATALOG_GENERATE_CITIES", "9");
    }
}
