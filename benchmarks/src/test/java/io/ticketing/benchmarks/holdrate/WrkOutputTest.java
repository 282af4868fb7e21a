package io.ticketing.benchmarks.holdrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WrkOutputTest {

    @Test
    void readsWrksSummaryAndTheScriptsLines() throws IOException {
        // wrk 4.1.0 (Debian), the measured hold phase of the run in benchmarks/README.md
        WrkOutput output = WrkOutput.parse(recorded("holds-local-stack.txt"));

        assertThat(output.requests()).isEqualTo(4_439);
        assertThat(output.seconds()).isEqualTo(20.06);
        assertThat(output.requestsPerSecond()).isEqualTo(221.33);
        assertThat(output.latencyMillis()).containsExactly(Map.entry(50, 266.76), Map.entry(75, 371.32),
                Map.entry(90, 493.71), Map.entry(99, 717.98));
        assertThat(output.maxLatencyMillis()).isEqualTo(901.40);
        assertThat(output.statuses()).containsExactly(Map.entry(201, 4_439L));
        assertThat(output.perSecond(201)).isCloseTo(221.29, within(0.01));
        assertThat(output.progress()).containsExactly(Map.entry(1, 6_614L));
        assertThat(output.exhaustedThreads()).isZero();
    }

    @Test
    void readsEveryStatusTheScriptCounted() throws IOException {
        // the measured refused-hold phase of the same run: pairs whose hold was cut by the end of a run were free
        WrkOutput output = WrkOutput.parse(recorded("refused-holds-local-stack.txt"));

        assertThat(output.requests()).isEqualTo(26_609);
        assertThat(output.statuses()).containsExactly(Map.entry(409, 26_601L), Map.entry(422, 8L));
        assertThat(output.count(409)).isEqualTo(26_601);
        assertThat(output.percentile(50)).isEqualTo(45.12);
        assertThat(output.socketErrors()).isEmpty();
    }

    @Test
    void readsTheProgressOfEveryThreadAndThoseThatRanOut() throws IOException {
        // wrk 4.1.0 with a generated holds script against a stand-in server: 2 threads, both out of seat pairs
        WrkOutput output = WrkOutput.parse(recorded("holds-fake-server.txt"));

        assertThat(output.requests()).isEqualTo(1_995);
        assertThat(output.seconds()).isEqualTo(3.0);
        assertThat(output.requestsPerSecond()).isEqualTo(664.93);
        assertThat(output.latencyMillis()).containsExactly(Map.entry(50, 0.375), Map.entry(75, 0.701),
                Map.entry(90, 1.08), Map.entry(99, 2.38));
        assertThat(output.maxLatencyMillis()).isEqualTo(9.01);
        assertThat(output.statuses()).containsExactly(Map.entry(201, 1_995L));
        assertThat(output.perSecond(201)).isCloseTo(665.0, within(1e-9));
        assertThat(output.count(409)).isZero();
        assertThat(output.socketErrors()).isEmpty();
        assertThat(output.progress()).containsExactly(Map.entry(1, 1_000L), Map.entry(2, 2_000L));
        assertThat(output.exhaustedThreads()).isEqualTo(2);
    }

    @Test
    void readsSocketErrorsSecondsAndSeveralStatuses() {
        WrkOutput output = WrkOutput.parse("""
                Running 20s test @ http://127.0.0.1:8080
                  1 threads and 64 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency    61.20ms   40.07ms   1.02s    91.37%
                    Req/Sec     1.07k   187.33     1.40k    71.00%
                  Latency Distribution
                     50%   52.91ms
                     75%   70.36ms
                     90%   98.12ms
                     99%  215.44ms
                  21305 requests in 20.02s, 4.39MB read
                  Socket errors: connect 0, read 3, write 0, timeout 12
                  Non-2xx or 3xx responses: 21305
                Requests/sec:   1064.19
                Transfer/sec:    224.58KB
                hold-rate statuses 409=21290 503=15
                hold-rate progress 1=7133
                hold-rate exhausted 0
                """);

        assertThat(output.seconds()).isEqualTo(20.02);
        assertThat(output.maxLatencyMillis()).isEqualTo(1_020.0);
        assertThat(output.percentile(99)).isEqualTo(215.44);
        assertThat(output.statuses()).containsExactly(Map.entry(409, 21_290L), Map.entry(503, 15L));
        assertThat(output.socketErrors()).containsEntry("read", 3L).containsEntry("timeout", 12L);
        assertThat(output.socketErrorCount()).isEqualTo(15);
        assertThat(output.progress()).containsExactly(Map.entry(1, 7_133L));
        assertThat(output.exhaustedThreads()).isZero();
    }

    @Test
    void readsTimesInEveryUnitWrkWrites() {
        assertThat(WrkOutput.millis("812.00", "us")).isEqualTo(0.812);
        assertThat(WrkOutput.millis("2.53", "ms")).isEqualTo(2.53);
        assertThat(WrkOutput.millis("1.02", "s")).isEqualTo(1_020.0);
        assertThat(WrkOutput.millis("1.00", "m")).isEqualTo(60_000.0);
    }

    @Test
    void failsWithoutWrksSummary() {
        assertThatThrownBy(() -> WrkOutput.parse("unable to connect to 127.0.0.1:8080 Connection refused\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Connection refused");
    }

    static String recorded(String name) throws IOException {
        try (InputStream in = WrkOutputTest.class.getResourceAsStream("/wrk/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
