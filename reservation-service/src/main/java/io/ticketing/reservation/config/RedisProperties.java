package io.ticketing.reservation.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where Redis runs: {@code TICKETING_REDIS_HOST}, {@code TICKETING_REDIS_PORT}. */
@ConfigurationProperties("ticketing.redis")
public record RedisProperties(String host, int port) {
}
