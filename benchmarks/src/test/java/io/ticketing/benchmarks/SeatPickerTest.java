package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SeatPickerTest {

    @Test
    void findsBlocksOfAvailableSeatsSideBySide() {
        SeatMapView view = SeatMaps.map("..x...|..", "xxxx", ".x.");

        assertThat(SeatPicker.blocks(view)).containsExactly(List.of("A1", "A2"), List.of("A4", "A5", "A6"),
                List.of("A7", "A8"), List.of("C1"), List.of("C3"));
    }

    @Test
    void picksSeatsSideBySideInTheOnlyBlockThatFits() {
        SeatMapView view = SeatMaps.map("..x.x..", "x...|...x");
        for (int seed = 0; seed < 50; seed++) {
            List<String> seats = SeatPicker.pick(view, 3, new SplittableRandom(seed));
            assertThat(seats).isIn(List.of("B2", "B3", "B4"), List.of("B5", "B6", "B7"));
        }
    }

    @Test
    void spreadsCustomersOverEveryPlaceThatFits() {
        SeatMapView view = SeatMaps.map("..........", "..........");
        Set<List<String>> picked = new HashSet<>();
        var random = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            picked.add(SeatPicker.pick(view, 4, random));
        }
        // 7 places in each row of 10
        assertThat(picked).hasSize(14).contains(List.of("A1", "A2", "A3", "A4"), List.of("B7", "B8", "B9", "B10"));
    }

    @Test
    void combinesTheLongestBlocksWhenNoneIsLongEnough() {
        SeatMapView view = SeatMaps.map(".x..x.", "x.x.x.x");

        assertThat(SeatPicker.pick(view, 3, new SplittableRandom(1))).containsExactly("A3", "A4", "A1");
    }

    @Test
    void takesWhatIsLeftOrNothingWhenSoldOut() {
        assertThat(SeatPicker.pick(SeatMaps.map("x.x", "xx."), 4, new SplittableRandom(1)))
                .containsExactlyInAnyOrder("A2", "B3");
        assertThat(SeatPicker.pick(SeatMaps.map("xxx"), 1, new SplittableRandom(1))).isEmpty();
    }

    @Test
    void picksOnlyAvailableSeatsAndTheSameForTheSameSeed() {
        SeatMapView view = SeatMaps.map(".x.x..x...", "...x.x..xx");
        for (int seed = 0; seed < 100; seed++) {
            List<String> seats = SeatPicker.pick(view, 1 + seed % 4, new SplittableRandom(seed));
            assertThat(seats).hasSize(1 + seed % 4).doesNotHaveDuplicates()
                    .allMatch(seat -> view.statuses().get(seat).equals("AVAILABLE"));
            assertThat(SeatPicker.pick(view, 1 + seed % 4, new SplittableRandom(seed))).isEqualTo(seats);
        }
        assertThatThrownBy(() -> SeatPicker.pick(view, 0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
