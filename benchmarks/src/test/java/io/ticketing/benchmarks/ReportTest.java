package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
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
                URI.create("http://localhost:8080"), Map.of("shows indexed", "100,000 (search index documents)"), 2,
                "25", "Linux amd64", true, "32 closed-loop clients", OptionalInt.of(1000));

        assertThat(String.join("\n", local.describe())).contains("2026-12-01T18:00:00Z",
                "shows indexed   100,000 (search index documents)", "the same 2-core machine as the platform",
                "load            32 closed-loop clients", "burst 1,000");
        assertThat(local.rateLimitLow()).isTrue();

        var remote = new RunEnvironment(local.startedAt(), URI.create("https://tickets.example.org"), Map.of(), 8, "25",
                "Linux amd64", false, "400 customers", OptionalInt.empty());
        assertThat(String.join("\n", remote.describe())).contains("another machine (tickets.example.org)",
                "none announced").doesNotContain("shows indexed");
        assertThat(remote.rateLimitLow()).isFalse();
    }

    @Test
    void readsTheBurstTheGatewayAnnounces() {
        assertThat(RunEnvironment.announcedBurst(headers("RateLimit-Limit", "1000"))).hasValue(1000);
        assertThat(RunEnvironment.announcedBurst(headers("RateLimit-Limit", "lots"))).isEmpty();
        assertThat(RunEnvironment.announcedBurst(headers("X-Other", "1"))).isEmpty();
    }

    @Test
    void refusesARowThatDoesNotFitTheHeader() {
        assertThatThrownBy(() -> Report.markdown(List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsEveryAttemptAndTheLatencyOfEveryAnswer() {
        var recorder = new LatencyRecorder();
        recorder.record(201, TimeUnit.MILLISECONDS.toNanos(10));
        recorder.record(409, "SEATS_HELD", TimeUnit.MILLISECONDS.toNanos(30));
        recorder.fail(new HttpTimeoutException("request timed out"));
        ScenarioResult result = LatencyRecorder.merge("holds", Duration.ofSeconds(2), List.of(recorder));

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.attemptRate()).isCloseTo(1.5, within(0.001));
        assertThat(result.percentileMillis(100)).isCloseTo(10, within(0.1));
        assertThat(result.answeredMaxMillis()).isCloseTo(30, within(0.1));
    }

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
    }

    @Test
    void takesLoopbackAddressesForThisMachine() {
        assertThat(RunEnvironment.isLocal(URI.create("http://127.0.0.1:8080"))).isTrue();
        assertThat(RunEnvironment.isLocal(URI.create("http://[::1]:8080"))).isTrue();
    }
}
