package io.ticketing.reservation.seating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What Redis stores for a seat and for a script's answer, read into types and written back. */
class SeatStateTest {

    @Test
    void readsAndWritesEveryStoredValue() {
        UUID hold = UUID.randomUUID();
        assertThat(SeatState.of("AVAILABLE")).isEqualTo(SeatState.AVAILABLE);
        assertThat(SeatState.of(SeatState.heldBy(hold))).isEqualTo(SeatState.HELD);
        assertThat(SeatState.heldBy(hold)).isEqualTo("HELD:" + hold);
        assertThat(SeatState.holdOf("HELD:" + hold)).contains(hold.toString());
        assertThat(SeatState.holdOf("KEPT")).isEmpty();
        for (SeatState state : List.of(SeatState.AVAILABLE, SeatState.KEPT, SeatState.SOLD, SeatState.BLOCKED)) {
            assertThat(SeatState.of(state.stored())).isEqualTo(state);
        }
        assertThatThrownBy(SeatState.HELD::stored).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SeatState.of("RESERVED")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void showsAKeptSeatAsHeldAndNobodysHold() {
        assertThat(SeatStatus.of("A1", "KEPT").status()).isEqualTo("HELD");
        assertThat(SeatStatus.of("A2", SeatState.heldBy(UUID.randomUUID())).status()).isEqualTo("HELD");
        assertThat(SeatStatus.of("A3", "SOLD").status()).isEqualTo("SOLD");
        assertThat(SeatStatus.of("A4", "AVAILABLE").available()).isTrue();
        assertThat(SeatState.KEPT.isStored("KEPT")).isTrue();
        assertThat(SeatState.KEPT.isStored(null)).isFalse();
    }

    @Test
    void readsEveryAnswerOfTheHoldAndBlockScripts() {
        UUID hold = UUID.randomUUID();
        assertThat(SeatScripts.HoldOutcome.of(List.of("HELD", "42", "1796412188974")))
                .isEqualTo(new SeatScripts.HoldOutcome.Held(42, Instant.ofEpochMilli(1796412188974L)));
        assertThat(SeatScripts.HoldOutcome.of(List.of("EXISTING", hold.toString())))
                .isEqualTo(new SeatScripts.HoldOutcome.Existing(hold));
        assertThat(SeatScripts.HoldOutcome.of(List.of("LATE", ""))).isEqualTo(new SeatScripts.HoldOutcome.Late());
        assertThat(SeatScripts.HoldOutcome.of(List.of("NO_SHOW", ""))).isEqualTo(new SeatScripts.HoldOutcome.NoShow());
        assertThat(SeatScripts.HoldOutcome.of(List.of("TOO_MANY_SEATS", "8"))).isEqualTo(
                new SeatScripts.HoldOutcome.Refused(SeatScripts.Refusal.TOO_MANY_SEATS, "8"));
        for (SeatScripts.Refusal refusal : SeatScripts.Refusal.values()) {
            assertThat(SeatScripts.HoldOutcome.of(List.of(refusal.name(), "")))
                    .isEqualTo(new SeatScripts.HoldOutcome.Refused(refusal, ""));
        }
        assertThat(SeatScripts.BlockOutcome.of(List.of("DONE", "17"))).isEqualTo(new SeatScripts.BlockOutcome.Done(17));
        assertThat(SeatScripts.BlockOutcome.of(List.of("SEATS_HELD", "A3")))
                .isEqualTo(new SeatScripts.BlockOutcome.Refused(SeatScripts.Refusal.SEATS_HELD, "A3"));
        assertThat(SeatScripts.BlockOutcome.of(List.of("NO_SHOW", "")))
                .isEqualTo(new SeatScripts.BlockOutcome.NoShow());
        assertThatThrownBy(() -> SeatScripts.HoldOutcome.of(List.of("MAYBE", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
