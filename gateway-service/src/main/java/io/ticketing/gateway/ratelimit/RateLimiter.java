package io.ticketing.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, one per key or customer, taken atomically by a Lua script that reads Redis's own
 * clock — so any number of gateway instances share one limit, whatever their clocks say. A customer's bucket is
 * asked once per request; a busy bucket shared by many requests, an application's key, is taken from a slice at a
 * time ({@link BucketSlice}). If Redis cannot answer within {@value #TIMEOUT_MILLIS} ms the request is let
 * through: losing the limiter must not take the platform down with it, nor slow it down by more than that.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final long TIMEOUT_MILLIS = 250;
    private static final Duration TIMEOUT = Duration.ofMillis(TIMEOUT_MILLIS);
    /** While Redis is away every request would log; one line per interval says how many passed unchecked. */
    private static final Duration WARNING_INTERVAL = Duration.ofSeconds(10);
    private static final RedisLink.Script TOKEN_BUCKET = RedisLink.Script.load("scripts/token-bucket.lua");

    private final RedisLink redis;
    private final AtomicLong unchecked = new AtomicLong();
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());
    private final Map<String, BucketSlice> slices = new ConcurrentHashMap<>();

    RateLimiter(RedisLink redis) {
        this.redis = redis;
    }

    /** Takes one token from {@code bucket} in Redis; never fails and never takes longer than the timeout. */
    public Mono<Decision> take(String bucket, RateLimitProperties.Limit limit) {
        return takeFromBucket(bucket, limit, 1)
                .map(grant -> new Decision(grant.taken() == 1, limit, grant.left(), grant.retryAfterMillis()))
                .onErrorResume(error -> unchecked(error, limit));
    }

    /**
     * Takes one token from this instance's slice of {@code bucket}, refilled from Redis when used up; never fails
     * and never takes longer than the timeout.
     */
    public Mono<Decision> takeShared(String bucket, RateLimitProperties.Limit limit) {
        BucketSlice slice = slices.compute(bucket,
                (name, known) -> known != null && known.limit().equals(limit) ? known : new BucketSlice(limit, System::nanoTime));
        return slice.take(wanted -> takeFromBucket(bucket, limit, wanted))
                .onErrorResume(error -> unchecked(error, limit));
    }

    private Mono<BucketSlice.Grant> takeFromBucket(String bucket, RateLimitProperties.Limit limit, int wanted) {
        return redis.run(TOKEN_BUCKET, List.of("rate-limit:{" + bucket + "}"), List.of(
                        String.valueOf(limit.requestsPerSecond()), String.valueOf(limit.burst()), String.valueOf(wanted)))
                .map(result -> new BucketSlice.Grant(((Number) result.get(0)).intValue(),
                        ((Number) result.get(1)).intValue(), ((Number) result.get(2)).longValue()))
                .timeout(TIMEOUT);
    }

    private Mono<Decision> unchecked(Throwable error, RateLimitProperties.Limit limit) {
        warn(error);
        return Mono.just(new Decision(true, limit, limit.burst(), 0));
    }

    private void warn(Throwable error) {
        unchecked.incrementAndGet();
        long due = nextWarning.get();
        long now = System.nanoTime();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARNING_INTERVAL.toNanos())) {
            log.warn("Rate limiter unavailable, letting requests through ({} since the last warning): {}",
                    unchecked.getAndSet(0), error.toString());
        }
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
