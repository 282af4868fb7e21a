package io.ticketing.reservation.seating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class SeatChangeTest {

    private final UUID showId = UUID.randomUUID();
    private final String channel = SeatKeys.of(showId).changes();

    @Test
    void readsTheShowSequenceAndSeatsOfAMessage() {
        var change = SeatChange.parse(channel, "42|A1=HELD,B12=AVAILABLE").orElseThrow();

        assertThat(change.showId()).isEqualTo(showId);
        assertThat(change.sequence()).isEqualTo(42);
        assertThat(change.seats()).containsExactly(new SeatStatus("A1", "HELD"), new SeatStatus("B12", "AVAILABLE"));
    }

    @Test
    void ignoresMalformedMessages() {
        assertThat(SeatChange.parse(channel, "A1=HELD")).isEmpty();
        assertThat(SeatChange.parse(channel, "x|A1=HELD")).isEmpty();
        assertThat(SeatChange.parse(channel, "3|A1")).isEmpty();
        assertThat(SeatChange.parse("show:{nope}:seats:changes", "3|A1=HELD")).isEmpty();
    }

    @Test
    void hidesWhoseHoldASeatIsIn() {
        assertThat(SeatStatus.of("A1", "HELD:" + UUID.randomUUID())).isEqualTo(new SeatStatus("A1", "HELD"));
        assertThat(SeatStatus.of("A1", "SOLD").available()).isFalse();
        assertThat(SeatStatus.of("A1", "AVAILABLE").available()).isTrue();
    }
}
