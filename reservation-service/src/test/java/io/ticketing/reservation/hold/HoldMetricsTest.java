package io.ticketing.reservation.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.redisson.client.RedisException;
import org.redisson.client.RedisTimeoutException;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketing.starter.RequestRejectedException;

class HoldMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HoldMetrics metrics = new HoldMetrics(registry);

    @Test
    void countsRedisAwayAsTheServiceAnswersIt() throws Exception {
        Method unavailable = Class.forName("io.ticketing.reservation.config.RedisUnavailableAdvice")
                .getDeclaredMethod("unavailable", Exception.class);
        List<Class<?>> answered = List.of(unavailable.getAnnotation(ExceptionHandler.class).value());
        assertThat(List.<Class<?>>copyOf(HoldMetrics.REDIS_AWAY)).as("the exceptions answered 503 REDIS_UNAVAILABLE")
                .containsExactlyInAnyOrderElementsOf(answered);

        metrics.rejected(new RedisTimeoutException("no answer"), System.nanoTime());
        metrics.rejected(new RedisException("a script error"), System.nanoTime());

        assertThat(holds("failed", "REDIS_UNAVAILABLE")).isEqualTo(1);
        assertThat(holds("failed", "ERROR")).isEqualTo(1);
    }

    @Test
    void countsARefusalWithACodeItDoesNotKnowAsOther() {
        metrics.rejected(RequestRejectedException.conflict("SEATS_HELD", "held"), System.nanoTime());
        metrics.rejected(RequestRejectedException.conflict("SOMETHING_NEW", "new"), System.nanoTime());
        metrics.rejected(RequestRejectedException.unavailable("SEAT_MAP_RECOVERING", "later"), System.nanoTime());

        assertThat(holds("refused", "SEATS_HELD")).isEqualTo(1);
        assertThat(holds("refused", "OTHER")).isEqualTo(1);
        assertThat(holds("failed", "SEAT_MAP_RECOVERING")).isEqualTo(1);
        assertThat(registry.get("ticketing.hold.duration").tag("outcome", "refused").timer().count()).isEqualTo(2);
        assertThat(registry.find("ticketing.holds").tag("code", "SOMETHING_NEW").counter()).isNull();
    }

    private double holds(String outcome, String code) {
        return registry.get("ticketing.holds").tag("outcome", outcome).tag("code", code).counter().count();
    }
}
