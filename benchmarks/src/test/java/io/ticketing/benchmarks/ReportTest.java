package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ReportTest {

    /** 1 to 1000 ms, one request each, plus two 429s, a 503 problem, a bare 502 and a timeout, over 10 s. */
    private static ScenarioResult searchResult() {
        var first = new LatencyRecorder();
        var second = new LatencyRecorder();
        for (int millis = 1; millis <= 1000; millis++) {
            (millis % 2 == 0 ? first : second).record(200, TimeUnit.MILLISECONDS.toNanos(millis));
        }
        first.record(429, "RATE_LIMITED", 1_000);
        second.record(429, "RATE_LIMITED", 1_000);
        second.record(503, "SERVICE_UNAVAILABLE", 1_000);
        second.record(502, 1_000);
        first.fail(new HttpTimeoutException("request timed out"));
        return LatencyRecorder.merge("search-keyword", Duration.ofSeconds(10), List.of(first, second));
    }

    @Test
    void measuresLatencyOfSuccessesOnlyAndCountsTheRestApart() {
        ScenarioResult result = searchResult();

        assertThat(result.successes()).isEqualTo(1000);
        assertThat(result.throughput()).isCloseTo(100.0, within(0.001));
        assertThat(result.percentileMillis(50)).isCloseTo(500, within(0.5));
        assertThat(result.percentileMillis(90)).isCloseTo(900, within(1.0));
        assertThat(result.percentileMillis(99)).isCloseTo(990, within(1.0));
        assertThat(result.maxMillis()).isCloseTo(1000, within(1.0));
        assertThat(result.rateLimited()).isEqualTo(2);
        assertThat(result.errors()).isEqualTo(3);
    }

    @Test
    void printsAnAlignedMarkdownTable() {
        var empty = LatencyRecorder.merge("cities", Duration.ofSeconds(10), List.of(new LatencyRecorder()));
        String table = Report.table(List.of(searchResult(), empty));
        List<String> lines = table.lines().toList();

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("| scenario ").contains("| requests |", "| p99 ms |", "| 429 |", "| errors |");
        assertThat(lines.get(1)).matches("\\| -+ \\|( -+: \\|)+");
        assertThat(lines.get(2)).startsWith("| search-keyword |").contains(" 1,000 |", " 100.0 |", " 2 |", " 3 |");
        assertThat(lines.get(3)).startsWith("| cities ").contains(" - |");
        assertThat(lines).allMatch(line -> line.length() == lines.get(0).length());
    }

    @Test
    void listsTheAnswersThatWereNotSuccesses() {
        var clean = LatencyRecorder.merge("cities", Duration.ofSeconds(1), List.of(new LatencyRecorder()));

        assertThat(Report.problems(List.of(searchResult(), clean)))
                .containsExactly("search-keyword: 2 × 429 RATE_LIMITED, 1 × 502, 1 × 503 SERVICE_UNAVAILABLE, "
                        + "1 × HttpTimeoutException");
        assertThat(Report.rateLimited(List.of(searchResult(), clean))).containsExactly("search-keyword");
    }

    @Test
    void formatsMillisecondsAndRates() {
        assertThat(Report.millis(Double.NaN)).isEqualTo("-");
        assertThat(Report.millis(3.14159)).isEqualTo("3.1");
        assertThat(Report.rate(12345.678)).isEqualTo("12,345.7");
    }

    @Test
    void describesTheEnvironmentTheNumbersComeFrom() {
        var local = new RunEnvironment(ZonedDateTime.of(2026, 12, 1, 18, 0, 0, 0, ZoneOffset.UTC),
                URI.create("http://localhost:8080"), OptionalLong.of(100_000), "search index documents", 2, "25",
                "Linux amd64", true, 32, Duration.ofSeconds(10), Duration.ofMinutes(1), OptionalInt.of(1000));

        assertThat(String.join("\n", local.describe())).contains("2026-12-01T18:00:00Z", "100,000 (search index documents)",
                "the same 2-core machine as the platform", "32 closed-loop clients", "10 s warm-up, then 1 min measured",
                "burst 1,000 per API key");
        assertThat(local.rateLimitLow()).isTrue();
        assertThat(local.showsIndexedSummary()).isEqualTo("100,000 shows indexed");

        var remote = new RunEnvironment(local.startedAt(), URI.create("https://tickets.example.org"), OptionalLong.empty(),
                "answered 403; pass --admin-key", 8, "25", "Linux amd64", false, 32, Duration.ofMillis(1500),
                Duration.ofSeconds(90), OptionalInt.empty());
        assertThat(String.join("\n", remote.describe())).contains("unknown (answered 403; pass --admin-key)",
                "another machine (tickets.example.org)", "1500 ms warm-up, then 90 s measured", "none announced");
        assertThat(remote.rateLimitLow()).isFalse();
    }

    @Test
    void takesLoopbackAddressesForThisMachine() {
        assertThat(RunEnvironment.isLocal(URI.create("http://127.0.0.1:8080"))).isTrue();
        assertThat(RunEnvironment.isLocal(URI.create("http://[::1]:8080"))).isTrue();
    }
}
