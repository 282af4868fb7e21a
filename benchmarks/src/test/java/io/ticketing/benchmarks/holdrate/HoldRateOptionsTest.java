package io.ticketing.benchmarks.holdrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class HoldRateOptionsTest {

    @Test
    void defaultsFitTheLocalStackAndTheIssue() {
        HoldRateOptions options = HoldRateOptions.parse();

        assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(options.service()).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(options.seats()).isEqualTo(40_000);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.connections()).isEqualTo(64);
        assertThat(options.threads()).isEqualTo(1);
        assertThat(options.wrk()).isEqualTo("wrk");
        assertThat(options.seatMap()).isTrue();
        assertThat(options.seatMapSeats()).isEqualTo(2_000);
        assertThat(options.seatMapRows()).isEqualTo(20);
        assertThat(options.seatMapConnections()).isEqualTo(500);
    }

    @Test
    void leavesTheSeatMapPhaseOutWhenAsked() {
        HoldRateOptions options = HoldRateOptions.parse("--no-seat-map", "--seat-map-seats", "5000");

        assertThat(options.seatMap()).isFalse();
        assertThat(options.seatMapSeats()).isEqualTo(5_000);
        assertThat(options.seatMapPairs()).isEqualTo(2_500);
    }

    @Test
    void givesTheSeatMapPhaseItsOwnConnections() {
        var benchmark = new HoldRateBenchmark(HoldRateOptions.parse("--connections", "32", "--seat-map-connections",
                "800"), System.out);

        assertThat(benchmark.connections(Phase.SEAT_MAP)).isEqualTo(800);
        assertThat(benchmark.connections(Phase.NO_OP_DIRECT)).isEqualTo(32);
        assertThat(benchmark.connections(Phase.NO_OP_GATEWAY)).isEqualTo(32);
        assertThat(benchmark.connections(Phase.HOLDS)).isEqualTo(32);
        assertThat(benchmark.connections(Phase.REFUSED_HOLDS)).isEqualTo(32);
    }

    @Test
    void hasACustomerForEveryFivePairsOfSeats() {
        HoldRateOptions options = HoldRateOptions.parse("--seats", "40000");

        assertThat(options.pairs()).isEqualTo(20_000);
        assertThat(options.customers()).isEqualTo(4_000);
        assertThat(options.rows()).isEqualTo(400);
    }

    @Test
    void refusesWhatWrkOrTheCatalogCannotTake() {
        assertThatThrownBy(() -> HoldRateOptions.parse("--seats", "40050")).hasMessageContaining("multiple of 100");
        assertThatThrownBy(() -> HoldRateOptions.parse("--seats", "60000")).hasMessageContaining("50000");
        assertThatThrownBy(() -> HoldRateOptions.parse("--duration", "1500ms")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> HoldRateOptions.parse("--threads", "3")).hasMessageContaining("1 or 2");
        assertThatThrownBy(() -> HoldRateOptions.parse("--threads", "2", "--connections", "1"))
                .hasMessageContaining("--connections");
        assertThatThrownBy(() -> HoldRateOptions.parse("--service", "localhost:8082")).hasMessageContaining("--service");
        assertThatThrownBy(() -> HoldRateOptions.parse("--seat-map-seats", "2050"))
                .hasMessageContaining("--seat-map-seats is a multiple of 100");
        assertThatThrownBy(() -> HoldRateOptions.parse("--seat-map-seats", "0"))
                .hasMessageContaining("--seat-map-seats");
        assertThatThrownBy(() -> HoldRateOptions.parse("--threads", "2", "--seat-map-connections", "1"))
                .hasMessageContaining("--seat-map-connections");
        assertThatThrownBy(() -> HoldRateOptions.parse("--seat-map-connections", "20000"))
                .hasMessageContaining("--seat-map-connections");
    }

    @Test
    void givesEveryWrkThreadItsOwnWholeCustomersPairs() {
        var two = new HoldRateBenchmark(HoldRateOptions.parse("--seats", "1000", "--threads", "2"), System.out);
        var one = new HoldRateBenchmark(HoldRateOptions.parse("--seats", "1000"), System.out);
        var odd = new HoldRateBenchmark(HoldRateOptions.parse("--seats", "1100", "--threads", "2"), System.out);

        assertThat(two.sliceStarts()).containsExactly(0, 250);
        assertThat(two.sliceEnds()).containsExactly(250, 500);
        assertThat(one.sliceStarts()).containsExactly(0);
        assertThat(one.sliceEnds()).containsExactly(500);
        assertThat(odd.sliceStarts()).containsExactly(0, 275);
        assertThat(odd.sliceEnds()).containsExactly(275, 550);
    }
}
