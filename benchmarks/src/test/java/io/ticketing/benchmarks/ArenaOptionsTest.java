package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ArenaOptionsTest {

    @Test
    void defaultsAreTheIssuesArena() {
        ArenaOptions options = ArenaOptions.parse();

        assertThat(options.seats()).isEqualTo(60_000);
        assertThat(options.seatsPerRow()).isEqualTo(200);
        assertThat(options.customers()).isEqualTo(10_000);
        assertThat(options.connections()).isEqualTo(256);
        assertThat(options.streams()).isEqualTo(50);
    }

    @Test
    void readsItsOptions() {
        ArenaOptions options = ArenaOptions.parse("--seats", "1000", "--seats-per-row", "50", "--customers", "400",
                "--connections", "64", "--streams", "5");

        assertThat(options.seats()).isEqualTo(1_000);
        assertThat(options.seatsPerRow()).isEqualTo(50);
        assertThat(options.customers()).isEqualTo(400);
        assertThat(options.connections()).isEqualTo(64);
        assertThat(options.streams()).isEqualTo(5);
    }

    @Test
    void refusesAShowTheCatalogCannotLayOut() {
        assertThatThrownBy(() -> ArenaOptions.parse("--seats", "60000", "--seats-per-row", "100"))
                .hasMessageContaining("at most 500 rows");
        assertThatThrownBy(() -> ArenaOptions.parse("--seats", "1010", "--seats-per-row", "50"))
                .hasMessageContaining("multiple of --seats-per-row");
        assertThatThrownBy(() -> ArenaOptions.parse("--seats-per-row", "120")).hasMessageContaining("multiple of 50");
        assertThatThrownBy(() -> ArenaOptions.parse("--customers", "10", "--connections", "20"))
                .hasMessageContaining("--connections");
    }

    @Test
    void measuresWaitingServicesHeapOnlyForARoom() {
        assertThat(ArenaOptions.parse("--room", "3000", "--waiting-heap").waitingHeap()).isTrue();
        assertThat(ArenaOptions.parse("--room", "3000").waitingHeap()).isFalse();
        assertThatThrownBy(() -> ArenaOptions.parse("--waiting-heap")).hasMessageContaining("give --room");
    }

    @Test
    void aRoomOpensTenSecondsIntoTheRaceUnlessToldOtherwise() {
        assertThat(ArenaOptions.parse("--room", "3000").openingIn()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ArenaOptions.parse("--room", "3000", "--opening-in", "3m").openingIn())
                .isEqualTo(Duration.ofMinutes(3));
        assertThatThrownBy(() -> ArenaOptions.parse("--opening-in", "31m")).hasMessageContaining("--opening-in");
    }

    @Test
    void theRaceEndsBeforeTheFirstHoldsDo() {
        assertThat(ArenaOptions.parse("--phase-limit", "4m").phaseLimit()).isEqualTo(Duration.ofMinutes(4));
        assertThatThrownBy(() -> ArenaOptions.parse("--phase-limit", "5m")).hasMessageContaining("under --hold-life");
        assertThat(ArenaOptions.parse("--hold-life", "15m", "--phase-limit", "8m").phaseLimit())
                .isEqualTo(Duration.ofMinutes(8));
        assertThatThrownBy(() -> ArenaOptions.parse("--hold-life", "15m", "--phase-limit", "15m"))
                .hasMessageContaining("under --hold-life");
    }
}
