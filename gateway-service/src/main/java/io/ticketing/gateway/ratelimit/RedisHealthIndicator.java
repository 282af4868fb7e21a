package io.ticketing.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Shows under {@code redis} in the gateway's health whether the rate limits' Redis answers. Not part of the
 * gateway's readiness: without Redis the gateway still serves, unlimited.
 */
@Component
class RedisHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final RedisLink redis;

    RedisHealthIndicator(RedisLink redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Health> health() {
        return redis.ping(TIMEOUT).map(answers -> answers ? Health.up().build()
                : Health.down().withDetail("error", "no answer within " + TIMEOUT.toMillis() + " ms").build());
    }
}
