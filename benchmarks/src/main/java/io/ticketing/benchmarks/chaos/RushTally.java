package io.ticketing.benchmarks.chaos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the customers did, as they saw it: holds taken, payments made, bookings seen, waiting-line joins, ... */
final class RushTally {

    enum Event {
        HOLD("holds taken"),
        RELEASE("holds released"),
        LEFT_TO_EXPIRE("holds left to expire"),
        PAYMENT("payments started"),
        SUCCEEDED("card steps succeeded"),
        FAILED("card steps failed"),
        LATE("payments confirmed after their hold's time"),
        BOOKED("holds seen CONFIRMED"),
        REFUNDED("holds seen REFUNDED"),
        CANCELLED("bookings cancelled"),
        JOINED("waiting-line joins"),
        OFFERED("offers received"),
        LEFT_LINE("waiting lines left");

        private final String label;

        Event(String label) {
            this.label = label;
        }
    }

    private final Map<Event, LongAdder> counts = new ConcurrentHashMap<>();

    void add(Event event) {
        counts.computeIfAbsent(event, key -> new LongAdder()).increment();
    }

    long count(Event event) {
        LongAdder count = counts.get(event);
        return count == null ? 0 : count.sum();
    }

    /** Label → count, in the order of {@link Event}. */
    Map<String, Long> counts() {
        Map<String, Long> all = new LinkedHashMap<>();
        for (Event event : List.of(Event.values())) {
            all.put(event.label, count(event));
        }
        return all;
    }
}
