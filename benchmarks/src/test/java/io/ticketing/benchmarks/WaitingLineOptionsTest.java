package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class WaitingLineOptionsTest {

    @Test
    void defaultsFitTheLocalStack() {
        WaitingLineOptions options = WaitingLineOptions.parse();

        assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(options.seats()).isEqualTo(200);
        assertThat(options.holders()).isEqualTo(100);
        assertThat(options.waiters()).isEqualTo(200);
        assertThat(options.waiterSeats()).isEqualTo(1);
        assertThat(options.releaseInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(options.burst()).isFalse();
        assertThat(options.waitSeconds()).isEqualTo(30);
        assertThat(options.settle()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void readsABareReleaseIntervalAsMillisecondsAndZeroAsABurst() {
        assertThat(WaitingLineOptions.parse("--release-interval", "50").releaseInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(WaitingLineOptions.parse("--release-interval=1s").releaseInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(WaitingLineOptions.parse("--release-interval", "0").burst()).isTrue();
    }

    @Test
    void readsItsOptions() {
        WaitingLineOptions options = WaitingLineOptions.parse("--seats", "600", "--waiters=500", "--waiter-seats", "2",
                "--wait-seconds", "25", "--gateway", "http://127.0.0.1:8080/");

        assertThat(options.holders()).isEqualTo(300);
        assertThat(options.waiters()).isEqualTo(500);
        assertThat(options.waiterSeats()).isEqualTo(2);
        assertThat(options.waitSeconds()).isEqualTo(25);
        assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> WaitingLineOptions.parse("--seats", "120")).hasMessageContaining("multiple of 50");
        assertThatThrownBy(() -> WaitingLineOptions.parse("--waiter-seats", "5")).hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> WaitingLineOptions.parse("--wait-seconds", "31")).hasMessageContaining("1 to 30");
        assertThatThrownBy(() -> WaitingLineOptions.parse("--seats", "5000", "--release-interval", "100"))
                .hasMessageContaining("holds would expire");
        assertThatThrownBy(() -> WaitingLineOptions.parse("--customers", "4"))
                .hasMessage("Unknown options: '--customers', '4'");
    }

    @Test
    void summarisesOffersPerRelease() {
        assertThat(WaitingLineBenchmark.perRelease(java.util.Map.of(0, 19, 2, 71, 1, 10)))
                .isEqualTo("19 releases served 0 offers, 10 releases served 1 offer, 71 releases served 2 offers");
    }
}
