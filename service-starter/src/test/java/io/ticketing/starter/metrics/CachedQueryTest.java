package io.ticketing.starter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CachedQueryTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void asksAtMostOncePerInterval() {
        var query = new CachedQuery<>("rows", Duration.ofSeconds(5), asked::incrementAndGet, nanos::get);

        assertThat(query.get()).contains(1);
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(query.get()).contains(1);
        assertThat(query.get()).contains(1);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(query.get()).contains(2);
        assertThat(asked).hasValue(2);
    }

    @Test
    void givesNothingWhileTheQueryFailsAndAsksAgainAfterTheInterval() {
        var failing = new AtomicInteger(1);
        var query = new CachedQuery<>("rows", Duration.ofSeconds(5), () -> {
            asked.incrementAndGet();
            if (failing.getAndDecrement() > 0) {
                throw new IllegalStateException("database away");
            }
            return 7L;
        }, nanos::get);

        assertThat(query.get()).isEmpty();
        assertThat(query.get()).as("not asked again at once").isEmpty();
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(query.get()).contains(7L);
        assertThat(asked).hasValue(2);
    }
}
