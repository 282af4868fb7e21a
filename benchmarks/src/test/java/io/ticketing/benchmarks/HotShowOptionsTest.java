package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HotShowOptionsTest {

    @Test
    void defaultsFitTheLocalStack() {
        HotShowOptions options = HotShowOptions.parse();

        assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(options.apiKey()).isEqualTo("local-client-key");
        assertThat(options.adminKey()).isEqualTo("local-admin-key");
        assertThat(options.customers()).isEqualTo(400);
        assertThat(options.warmupSeats()).isEqualTo(1000);
        assertThat(options.seed()).isEqualTo(1);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.phaseLimit()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void readsItsOptions() {
        HotShowOptions options = HotShowOptions.parse("--customers=200", "--warmup-seats", "0", "--seed", "9",
                "--phase-limit", "90s", "--gateway", "https://tickets.example.org/");

        assertThat(options.customers()).isEqualTo(200);
        assertThat(options.warmupSeats()).isZero();
        assertThat(options.seed()).isEqualTo(9);
        assertThat(options.phaseLimit()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.gateway()).isEqualTo(URI.create("https://tickets.example.org"));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> HotShowOptions.parse("--customers", "0")).hasMessageContaining("--customers");
        assertThatThrownBy(() -> HotShowOptions.parse("--phase-limit", "5m")).hasMessageContaining("under 5 minutes");
        assertThatThrownBy(() -> HotShowOptions.parse("--concurrency", "4"))
                .hasMessage("Unknown options: '--concurrency', '4'");
    }

    @Test
    void laysOutRowsOfFiftyWithLabelsBeyondZ() {
        assertThat(List.of(0, 25, 26, 39, 701, 702).stream().map(HotShowSetup::rowLabel))
                .containsExactly("A", "Z", "AA", "AN", "ZZ", "AAA");
        List<Map<String, Object>> layout = HotShowSetup.layout(40);
        assertThat(layout).hasSize(40);
        assertThat(layout.stream().mapToInt(row -> ((List<?>) row.get("seats")).size()).sum()).isEqualTo(2_000);
        assertThat(layout.getLast().get("row")).isEqualTo("AN");
    }
}
