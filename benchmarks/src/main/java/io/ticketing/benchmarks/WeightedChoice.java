package io.ticketing.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Picks one of several options in proportion to its weight: the request mix of a workload. */
final class WeightedChoice<T> {

    private final List<T> options;
    /** Running totals of the weights, one per option. */
    private final int[] upTo;
    private final Map<T, Integer> weights;

    WeightedChoice(Map<T, Integer> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("Nothing to choose from");
        }
        this.weights = new LinkedHashMap<>(weights);
        this.options = new ArrayList<>(weights.keySet());
        this.upTo = new int[options.size()];
        int total = 0;
        for (int i = 0; i < options.size(); i++) {
            int weight = weights.get(options.get(i));
            if (weight < 1) {
                throw new IllegalArgumentException("Weights are positive: " + options.get(i) + " has " + weight);
            }
            total += weight;
            upTo[i] = total;
        }
    }

    T pick(RandomGenerator random) {
        return at(random.nextInt(total()));
    }

    /** The option owning ticket {@code ticket} of {@code [0, total())}: options hold consecutive tickets in order. */
    T at(int ticket) {
        if (ticket < 0 || ticket >= total()) {
            throw new IllegalArgumentException("Ticket " + ticket + " is outside [0, " + total() + ")");
        }
        int low = 0;
        int high = upTo.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ticket < upTo[middle]) {
                high = middle;
            }
            else {
                low = middle + 1;
            }
        }
        return options.get(low);
    }

    int total() {
        return upTo[upTo.length - 1];
    }

    /** Each option's share of the picks, in percent. */
    Map<T, Double> shares() {
        Map<T, Double> shares = new LinkedHashMap<>();
        weights.forEach((option, weight) -> shares.put(option, 100.0 * weight / total()));
        return shares;
    }
}
