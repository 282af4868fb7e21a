package io.ticketing.benchmarks.chaos;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.ticketing.benchmarks.LocalProcesses;
import io.ticketing.benchmarks.StackCpu;

/**
 * How many instances of each service the stack runs ({@code ./ticketing up --replicas}), as found listening on their
 * ports when the run began; Redis and the Kafka broker have one.
 */
record Instances(Map<Component, Integer> counts) {

    Instances {
        counts = Map.copyOf(counts);
    }

    /** One instance of everything. */
    static Instances single() {
        return new Instances(Map.of());
    }

    /** The instances listening now: a service's instances run on consecutive port steps from its first. */
    static Instances found(LocalProcesses processes) {
        Map<Component, Integer> counts = new EnumMap<>(Component.class);
        for (Component service : Component.services()) {
            int instances = 1;
            while (instances < StackCpu.MAX_INSTANCES
                    && processes.listening(service.port(instances + 1)).isPresent()) {
                instances++;
            }
            counts.put(service, instances);
        }
        return new Instances(counts);
    }

    int of(Component component) {
        return counts.getOrDefault(component, 1);
    }

    /** Whether any service runs more than one instance. */
    boolean replicated() {
        return counts.values().stream().anyMatch(count -> count > 1);
    }

    /** {@code gateway-service 2, catalog-service 2, ...}: the services that run more than one. */
    String describe() {
        return counts.entrySet().stream().filter(entry -> entry.getValue() > 1).sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey().label() + " " + entry.getValue()).collect(Collectors.joining(", "));
    }
}
