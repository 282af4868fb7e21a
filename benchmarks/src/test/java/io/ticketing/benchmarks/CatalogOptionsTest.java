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

        assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(options.apiKey()).isEqualTo("local-client-key");
        assertThat(options.adminKey()).isEqualTo("local-admin-key");
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.concurrency()).isEqualTo(32);
        assertThat(options.scenarios()).isEqualTo(CatalogScenarios.NAMES);
        assertThat(options.seed()).isEqualTo(1);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.discoverCities()).isEqualTo(100);
        assertThat(options.seedSmallCatalog()).isFalse();
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
    void takesTheLastOfAnOptionGivenTwice() {
        assertThat(CatalogOptions.parse("--concurrency", "4", "--concurrency=8").concurrency()).isEqualTo(8);
    }

    @Test
    void readsDurationsWithUnitsBareSecondsAndIso() {
        assertThat(CatalogOptions.parse("--duration", "250ms").duration()).isEqualTo(Duration.ofMillis(250));
        assertThat(CatalogOptions.parse("--duration", "90").duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(CatalogOptions.parse("--duration", "2m").duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(CatalogOptions.parse("--duration", "1H").duration()).isEqualTo(Duration.ofHours(1));
        assertThat(CatalogOptions.parse("--duration", "PT1M30S").duration()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> CatalogOptions.parse("--duration", "soon")).hasMessage(
                "Invalid value for option '--duration': 'soon' is not a duration such as 60s, 500ms, 2m or PT1M");
    }

    @Test
    void rejectsWhatItCannotRun() {
        assertThatThrownBy(() -> CatalogOptions.parse("--threads", "4"))
                .hasMessage("Unknown options: '--threads', '4'");
        assertThatThrownBy(() -> CatalogOptions.parse("--duration"))
                .hasMessage("Missing required parameter for option '--duration' (TIME)");
        assertThatThrownBy(() -> CatalogOptions.parse("fast")).hasMessage("Unmatched argument at index 0: 'fast'");
        assertThatThrownBy(() -> CatalogOptions.parse("--concurrency", "0")).hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> CatalogOptions.parse("--concurrency", "many"))
                .hasMessage("Invalid value for option '--concurrency': 'many' is not an int");
        assertThatThrownBy(() -> CatalogOptions.parse("--duration", "0s")).hasMessageContaining("positive");
        assertThatThrownBy(() -> CatalogOptions.parse("--gateway", "localhost:8080")).hasMessage(
                "Invalid value for option '--gateway': 'localhost:8080' is not a URL such as http://localhost:8080");
        assertThatThrownBy(() -> CatalogOptions.parse("--scenarios", "cities,checkout"))
                .hasMessageContaining("Unknown scenario 'checkout'");
    }

    @Test
    void keepsEachScenarioOnceInTheOrderGiven() {
        assertThat(CatalogOptions.parse("--scenarios", "mixed,cities,mixed").scenarios())
                .isEqualTo(List.of("mixed", "cities"));
    }
}
