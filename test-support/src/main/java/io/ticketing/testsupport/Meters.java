package io.ticketing.testsupport;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Counters as the whole test JVM counted them. The test classes' application contexts stay up side by side and
 * share one database and consumer group, so an event (or a scheduled job) may be handled by another context than
 * the test's own; every context's registry is bound to Micrometer's global one, and a counter is summed over them.
 */
public final class Meters {

    private Meters() {
    }

    /** The count of the counter {@code name} with {@code tags} (name, value, name, value ...), over every context. */
    public static double count(String name, String... tags) {
        List<Counter> counters = counters(name, tags);
        if (counters.isEmpty()) {
            throw new AssertionError("No counter " + name + " " + String.join(",", tags) + " in any registry");
        }
        return counters.stream().mapToDouble(Counter::count).sum();
    }

    /** As {@link #count}, but 0 while no registry has the counter yet (one built on first use, per currency say). */
    public static double countIfAny(String name, String... tags) {
        return counters(name, tags).stream().mapToDouble(Counter::count).sum();
    }

    private static List<Counter> counters(String name, String... tags) {
        Set<MeterRegistry> registries = Collections.newSetFromMap(new IdentityHashMap<>());
        leaves(Metrics.globalRegistry, registries);
        return registries.stream().map(registry -> registry.find(name).tags(tags).counter())
                .filter(counter -> counter != null).toList();
    }

    private static void leaves(CompositeMeterRegistry composite, Set<MeterRegistry> into) {
        for (MeterRegistry registry : composite.getRegistries()) {
            if (registry instanceof CompositeMeterRegistry nested) {
                leaves(nested, into);
            }
            else {
                into.add(registry);
            }
        }
    }
}
