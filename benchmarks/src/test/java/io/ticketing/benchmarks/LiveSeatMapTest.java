package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LiveSeatMapTest {

    @Test
    void picksSeatsSideBySideInARowNeverAcrossAnAisle() {
        var map = new LiveSeatMap(SeatMaps.map("..x.x..", "x...|...x"));
        for (int seed = 0; seed < 50; seed++) {
            assertThat(map.pick(3, new SplittableRandom(seed))).isIn(List.of("B2", "B3", "B4"),
                    List.of("B5", "B6", "B7"));
        }
    }

    @Test
    void spreadsPicksOverEveryPlaceThatFits() {
        var map = new LiveSeatMap(SeatMaps.map("..........", ".........."));
        Set<List<String>> picked = new HashSet<>();
        var random = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            picked.add(map.pick(4, random));
        }
        assertThat(picked).hasSize(14);
    }

    @Test
    void followsTheStreamAndTakesScatteredSeatsWhenNoRunIsLongEnough() {
        var map = new LiveSeatMap(SeatMaps.map("...", "..."));
        assertThat(map.availableCount()).isEqualTo(6);

        map.set("A2", "HELD");
        map.set("B2", "SOLD");
        map.set("B2", "SOLD");
        map.set("X9", "HELD");

        assertThat(map.availableCount()).isEqualTo(4);
        assertThat(map.pick(2, new SplittableRandom(1))).hasSize(2).doesNotContain("A2", "B2");
        assertThat(new HashSet<>(map.pick(4, new SplittableRandom(1)))).containsExactlyInAnyOrder("A1", "A3", "B1",
                "B3");

        map.set("A2", "AVAILABLE");
        assertThat(map.availableCount()).isEqualTo(5);
        assertThat(map.pick(3, new SplittableRandom(1))).containsExactly("A1", "A2", "A3");
    }

    @Test
    void picksNothingWhenHeldOut() {
        var map = new LiveSeatMap(SeatMaps.map("xx", "x"));

        assertThat(map.availableCount()).isZero();
        assertThat(map.pick(1, new SplittableRandom(1))).isEmpty();
    }
}
