package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class WeightedChoiceTest {

    private final WeightedChoice<String> choice = new WeightedChoice<>(weights("a", 1, "b", 3, "c", 6));

    @Test
    void givesEachOptionAsManyTicketsAsItsWeightInOrder() {
        assertThat(choice.total()).isEqualTo(10);
        assertThat(choice.at(0)).isEqualTo("a");
        assertThat(choice.at(1)).isEqualTo("b");
        assertThat(choice.at(3)).isEqualTo("b");
        assertThat(choice.at(4)).isEqualTo("c");
        assertThat(choice.at(9)).isEqualTo("c");
        assertThatThrownBy(() -> choice.at(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> choice.at(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void picksInProportionToTheWeights() {
        var random = new SplittableRandom(42);
        Map<String, Integer> picks = new HashMap<>();
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            picks.merge(choice.pick(random), 1, Integer::sum);
        }
        assertThat(picks.get("a") / (double) draws).isCloseTo(0.1, within(0.01));
        assertThat(picks.get("b") / (double) draws).isCloseTo(0.3, within(0.01));
        assertThat(picks.get("c") / (double) draws).isCloseTo(0.6, within(0.01));
    }

    @Test
    void tellsEachOptionsShare() {
        assertThat(choice.shares()).containsExactly(Map.entry("a", 10.0), Map.entry("b", 30.0), Map.entry("c", 60.0));
    }

    @Test
    void refusesEmptyAndNonPositiveWeights() {
        assertThatThrownBy(() -> new WeightedChoice<>(Map.of())).hasMessage("Nothing to choose from");
        assertThatThrownBy(() -> new WeightedChoice<>(weights("a", 1, "b", 0, "c", 1)))
                .hasMessageContaining("b has 0");
    }

    private static Map<String, Integer> weights(String a, int wa, String b, int wb, String c, int wc) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put(a, wa);
        weights.put(b, wb);
        weights.put(c, wc);
        return weights;
    }
}
