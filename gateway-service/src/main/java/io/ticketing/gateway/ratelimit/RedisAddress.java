package io.ticketing.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the Redis that keeps the rate limits runs: {@code TICKETING_REDIS_HOST}, {@code TICKETING_REDIS_PORT}. */
@ConfigurationProperties("ticketing.redis")
public record RedisAddress(String host, int port) {
}
