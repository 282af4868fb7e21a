package io.ticketing.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, one per key or customer, taken atomically by a Lua script that reads Redis's own
 * clock — so any number of gateway instances share one limit, whatever their clocks say. If Redis cannot
 * answer quickly the request is let through: losing the limiter must not take the platform down with it.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final Duration TIMEOUT = Duration.ofMillis(250);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TOKEN_BUCKET = RedisScript.of(
            new ClassPathResource("scripts/token-bucket.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;

    RateLimiter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Takes one token from {@code bucket}. */
    public Mono<Decision> take(String bucket, RateLimitProperties.Limit limit) {
        return redis.execute(TOKEN_BUCKET, List.of("rate-limit:{" + bucket + "}"),
                        List.of(String.valueOf(limit.requestsPerSecond()), String.valueOf(limit.burst())))
                .next()
                .map(result -> new Decision(((Number) result.get(0)).longValue() == 1, limit,
                        ((Number) result.get(1)).intValue(), ((Number) result.get(2)).longValue()))
                .timeout(TIMEOUT)
                .onErrorResume(error -> {
                    log.warn("Rate limiter unavailable, letting the request through: {}", error.toString());
                    return Mono.just(new Decision(true, limit, limit.burst(), 0));
                });
    }

    /**
     * @param remaining whole tokens left in the bucket
     * @param retryAfterMillis when refused, how long until a token is available
     */
    public record Decision(boolean allowed, RateLimitProperties.Limit limit, int remaining, long retryAfterMillis) {

        /** Seconds until the caller may try again (refused) or until the bucket is full again (allowed). */
        public long resetSeconds() {
            if (!allowed) {
                return Math.max(1, (retryAfterMillis + 999) / 1000);
            }
            int missing = limit.burst() - remaining;
            return (missing + limit.requestsPerSecond() - 1) / limit.requestsPerSecond();
        }
    }
}
