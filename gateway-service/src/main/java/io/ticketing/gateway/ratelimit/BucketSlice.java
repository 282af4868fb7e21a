package io.ticketing.gateway.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * This instance's share of a busy bucket that every gateway instance takes from, such as an application's API key:
 * tokens are taken from Redis a slice at a time and handed out here, so that a key's thousands of requests a
 * second cost Redis tens of round trips, not thousands, while every instance together still takes no more than
 * the bucket holds.
 *
 * <p>A slice is kept for {@link #LIFETIME_NANOS 200 ms}; what is left of it then is given up (not returned), so the
 * slice grows (doubling, up to {@code maxSlice}) only while this instance uses each one up, and shrinks again when
 * one expires unused: a quiet instance takes one token per request, as without slices, and forfeits none. While
 * the bucket is empty, requests are refused here until the moment Redis said its next token is due, without asking
 * again. Requests that find the slice used up wait for one shared refill, not one each.
 */
final class BucketSlice {

    static final long LIFETIME_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** What Redis gave: {@code taken} tokens, {@code left} whole tokens in the bucket after, when refused the wait. */
    record Grant(int taken, int left, long retryAfterMillis) {
    }

    private final RateLimitProperties.Limit limit;
    private final int maxSlice;
    private final LongSupplier nanoClock;

    private int size = 1;
    private int tokens;
    private int leftInBucket;
    private long expiresAt;
    private long refusedUntil;
    private boolean refusing;
    private Mono<Grant> refill;

    BucketSlice(RateLimitProperties.Limit limit, LongSupplier nanoClock) {
        this.limit = limit;
        // a twentieth of a second of the rate, and no more than a tenth of the burst: a slice left unused is lost
        this.maxSlice = Math.max(1, Math.min(limit.requestsPerSecond() / 20, limit.burst() / 10));
        this.nanoClock = nanoClock;
    }

    RateLimitProperties.Limit limit() {
        return limit;
    }

    /**
     * Takes one token from the slice, or from a refill of it through {@code takeFromBucket} (called with the number
     * of tokens wanted). Fails only when the refill does, and the caller decides what that means.
     */
    Mono<RateLimiter.Decision> take(IntFunction<Mono<Grant>> takeFromBucket) {
        Mono<Grant> pending;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (tokens > 0 && now - expiresAt < 0) {
                tokens--;
                return Mono.just(new RateLimiter.Decision(true, limit, leftInBucket + tokens, 0));
            }
            if (refusing && now - refusedUntil < 0) {
                return Mono.just(new RateLimiter.Decision(false, limit, 0,
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(refusedUntil - now))));
            }
            if (refill == null) {
                size = tokens == 0 && !refusing && expiresAt != 0 && now - expiresAt < 0
                        ? Math.min(maxSlice, size * 2)
                        : Math.max(1, size / 2);
                tokens = 0;
                refusing = false;
                // the refill is forgotten before its waiters hear of it, so that they do not wait on it again
                refill = takeFromBucket.apply(size)
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("Redis gave no answer")))
                        .doOnNext(this::refilled)
                        .doOnError(error -> refillFailed())
                        .cache();
            }
            pending = refill;
        }
        return pending.then(Mono.defer(() -> take(takeFromBucket)));
    }

    private synchronized void refilled(Grant grant) {
        long now = nanoClock.getAsLong();
        tokens = grant.taken();
        leftInBucket = grant.left();
        expiresAt = now + LIFETIME_NANOS;
        refusing = grant.taken() == 0;
        refusedUntil = now + TimeUnit.MILLISECONDS.toNanos(Math.max(1, grant.retryAfterMillis()));
        refill = null;
    }

    private synchronized void refillFailed() {
        refill = null;
    }
}
