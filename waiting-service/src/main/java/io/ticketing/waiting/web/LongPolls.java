package io.ticketing.waiting.web;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The long polls of one kind in progress on this instance, a gauge, and at most {@code most} of them: each holds a
 * request and a thread while it waits.
 */
public final class LongPolls {

    private final AtomicInteger open = new AtomicInteger();
    private final int most;

    /** Long polls counted by the gauge {@code gauge}, at most {@code most} at once. */
    public LongPolls(String gauge, String description, int most, MeterRegistry meters) {
        this.most = most;
        Gauge.builder(gauge, open, AtomicInteger::get).description(description).register(meters);
    }

    /** What {@code poll} answers, waiting as it does; empty, at once, when {@code most} are open already. */
    public <T> Optional<T> poll(Supplier<T> poll) {
        try {
            return open.incrementAndGet() > most ? Optional.empty() : Optional.of(poll.get());
        }
        finally {
            open.decrementAndGet();
        }
    }
}
