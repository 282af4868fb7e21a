package io.ticketing.benchmarks.holdrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class SeatMapShowTest {

    @Test
    void holdsAThirdOfThePairsScatteredOverTheHall() {
        // the default seat-map show: 2,000 seats, 1,000 pairs in 20 rows of 50
        List<Long> held = SeatMapShow.heldPairs(1_000);

        assertThat(held).hasSize(333).isSorted().doesNotHaveDuplicates().allMatch(pair -> pair >= 0 && pair < 1_000);
        // every row has held seats, and not the first third of the hall
        assertThat(new HashSet<>(held.stream().map(pair -> pair / 50).toList())).hasSize(20);
        assertThat(held).isNotEqualTo(LongStream.range(0, 333).boxed().toList());
    }

    @Test
    void holdsTheSamePairsEveryRun() {
        assertThat(SeatMapShow.heldPairs(1_000)).isEqualTo(SeatMapShow.heldPairs(1_000));
        assertThat(SeatMapShow.heldPairs(50)).hasSize(16);
    }

    @Test
    void givesEveryCustomerFivePairsAtMost() {
        assertThat(SeatMapShow.customers(333)).isEqualTo(67);
        assertThat(SeatMapShow.customers(335)).isEqualTo(67);
        assertThat(SeatMapShow.customers(5)).isEqualTo(1);
        assertThat(SeatMapShow.customers(0)).isZero();
    }

    @Test
    void saysHowTheHoldsWereAnswered() {
        var all = new SeatMapShow.Holding(333, 67, Map.of(201, 333L), 0);
        var some = new SeatMapShow.Holding(333, 67, Map.of(409, 1L, 201, 330L), 2);

        assertThat(all.held()).isEqualTo(333);
        assertThat(all.answers()).isEqualTo("201 × 333");
        assertThat(some.held()).isEqualTo(330);
        assertThat(some.answers()).isEqualTo("201 × 330, 409 × 1, no answer × 2");
    }

    @Test
    void countsTheMapsSeatsByStatus() {
        Map<String, Long> seats = new LinkedHashMap<>();
        seats.put("AVAILABLE", 1_334L);
        seats.put("HELD", 666L);

        assertThat(new SeatMapShow.Answers(9_876, true, 154_321, seats).seats()).isEqualTo("1,334 AVAILABLE, 666 HELD");
    }
}
