package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class CatalogOptionsTest {

    @Test
    void defaultsFitTheLocalStack() {
        CatalogOptions options = CatalogOptions.parse();

        assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(options.apiKey()).isEqualTo("local-client-key");
        assertThat(options.adminKey()).isEqualTo("local-admin-key");
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.concurrency()).isEqualTo(32);
        assertThat(options.scenarios()).isEqualTo(CatalogScenarios.NAMES);
        assertThat(options.seedSmallCatalog()).isFalse();
        assertThat(options.help()).isFalse();
    }

    @Test
    void acceptsSpaceAndEqualsForms() {
        CatalogOptions options = CatalogOptions.parse("--gateway", "https://tickets.example.org/", "--api-key=k1",
                "--duration", "15s", "--warmup=500ms", "--concurrency", "4", "--scenarios=search-keyword, cities",
                "--seed", "-7", "--discover-cities=3", "--seed-small-catalog");

        assertThat(options.gateway()).isEqualTo(URI.create("https://tickets.example.org"));
        assertThat(options.apiKey()).isEqualTo("k1");
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.concurrency()).isEqualTo(4);
        assertThat(options.scenarios()).containsExactly("search-keyword", "cities");
        assertThat(options.seed()).isEqualTo(-7);
        assertThat(options.discoverCities()).isEqualTo(3);
        assertThat(options.seedSmallCatalog()).isTrue();
    }

    @Test
    void readsDurationsWithUnitsBareSecondsAndIso() {
        assertThat(CommandLine.duration("d", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(CommandLine.duration("d", "90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(CommandLine.duration("d", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(CommandLine.duration("d", "1H")).isEqualTo(Duration.ofHours(1));
        assertThat(CommandLine.duration("d", "PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> CommandLine.duration("duration", "soon"))
                .hasMessageContaining("--duration is a duration");
    }

    @Test
    void rejectsWhatItCannotRun() {
        assertThatThrownBy(() -> CatalogOptions.parse("--threads", "4")).hasMessage("Unknown option --threads");
        assertThatThrownBy(() -> CatalogOptions.parse("--duration")).hasMessage("--duration needs a value");
        assertThatThrownBy(() -> CatalogOptions.parse("fast")).hasMessage("Unexpected argument 'fast'");
        assertThatThrownBy(() -> CatalogOptions.parse("--concurrency", "0")).hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> CatalogOptions.parse("--concurrency", "many")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> CatalogOptions.parse("--duration", "0s")).hasMessageContaining("positive");
        assertThatThrownBy(() -> CatalogOptions.parse("--gateway", "localhost:8080")).hasMessageContaining("URL");
        assertThatThrownBy(() -> CatalogOptions.parse("--scenarios", "cities,checkout"))
                .hasMessageContaining("Unknown scenario 'checkout'");
    }

    @Test
    void keepsEachScenarioOnceInTheOrderGiven() {
        assertThat(CatalogOptions.parse("--scenarios", "mixed,cities,mixed").scenarios())
                .isEqualTo(List.of("mixed", "cities"));
    }

    @Test
    void asksForHelp() {
        assertThat(CatalogOptions.parse("--help").help()).isTrue();
        assertThat(CatalogOptions.USAGE).contains("--gateway", "--concurrency", "search-filters");
    }
}
