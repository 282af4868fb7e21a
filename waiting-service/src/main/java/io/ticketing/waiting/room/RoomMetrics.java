package io.ticketing.waiting.room;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Customers joining waiting rooms and admitted from them, all rooms together. */
@Component
class RoomMetrics {

    private final Counter joined;
    private final Counter admitted;

    RoomMetrics(MeterRegistry meters) {
        this.joined = Counter.builder("ticketing.waiting.room.joined")
                .description("Customers who took a place in a waiting room").register(meters);
        this.admitted = Counter.builder("ticketing.waiting.room.admitted")
                .description("Customers admitted from waiting rooms to hold seats").register(meters);
    }

    void joined() {
        joined.increment();
    }

    void admitted(long customers) {
        admitted.increment(customers);
    }
}
