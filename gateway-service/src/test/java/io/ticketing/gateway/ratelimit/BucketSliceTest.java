package io.ticketing.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class BucketSliceTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    /** A bucket of 1,000 tokens that does not refill, standing in for Redis. */
    private final List<Integer> asked = new ArrayList<>();
    private int inBucket = 1_000;

    private Mono<BucketSlice.Grant> fromBucket(int wanted) {
        asked.add(wanted);
        int taken = Math.min(wanted, inBucket);
        inBucket -= taken;
        return Mono.just(new BucketSlice.Grant(taken, inBucket, taken == 0 ? 300 : 0));
    }

    private RateLimiter.Decision take(BucketSlice slice) {
        return slice.take(this::fromBucket).block();
    }

    @Test
    void aQuietInstanceTakesOneTokenPerRequestAndForfeitsNone() {
        BucketSlice slice = new BucketSlice(new RateLimitProperties.Limit(500, 1_000), clock::get);
        for (int i = 0; i < 5; i++) {
            assertThat(take(slice).allowed()).isTrue();
            clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        }
        assertThat(asked).containsOnly(1);
        assertThat(inBucket).isEqualTo(995);
    }

    @Test
    void aBusyInstanceTakesGrowingSlicesAndNeverHandsOutMoreThanItTook() {
        BucketSlice slice = new BucketSlice(new RateLimitProperties.Limit(500, 1_000), clock::get);
        int allowed = 0;
        for (int i = 0; i < 1_200; i++) {
            if (take(slice).allowed()) {
                allowed++;
            }
            clock.addAndGet(TimeUnit.MICROSECONDS.toNanos(100));
        }
        // 500 per second and a burst of 1,000: slices of at most 25 tokens
        assertThat(asked).contains(1, 2, 4, 8, 16, 25).allMatch(wanted -> wanted <= 25);
        assertThat(asked.size()).isLessThan(60);
        assertThat(allowed).isEqualTo(1_000);
        assertThat(inBucket).isZero();
    }

    @Test
    void requestsThatFindTheSliceUsedUpShareOneRefill() {
        BucketSlice slice = new BucketSlice(new RateLimitProperties.Limit(500, 1_000), clock::get);
        List<Sinks.One<BucketSlice.Grant>> trips = new ArrayList<>();
        List<RateLimiter.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slice.take(n -> {
                Sinks.One<BucketSlice.Grant> trip = Sinks.one();
                trips.add(trip);
                return trip.asMono();
            }).subscribe(decisions::add);
        }
        assertThat(trips).hasSize(1);
        assertThat(decisions).isEmpty();

        trips.get(0).tryEmitValue(new BucketSlice.Grant(1, 10, 0));
        // one token for three requests: the first is let through, the other two ask again, together
        assertThat(decisions).hasSize(1);
        assertThat(trips).hasSize(2);
        trips.get(1).tryEmitValue(new BucketSlice.Grant(2, 8, 0));
        assertThat(decisions).hasSize(3).allMatch(RateLimiter.Decision::allowed);
        assertThat(trips).hasSize(2);
    }

    @Test
    void anEmptyBucketRefusesLocallyUntilItsNextTokenIsDue() {
        inBucket = 0;
        BucketSlice slice = new BucketSlice(new RateLimitProperties.Limit(500, 1_000), clock::get);
        RateLimiter.Decision refused = take(slice);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMillis()).isEqualTo(300);

        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        RateLimiter.Decision again = take(slice);
        assertThat(again.allowed()).isFalse();
        assertThat(again.retryAfterMillis()).isEqualTo(200);
        assertThat(asked).hasSize(1);

        inBucket = 1;
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(take(slice).allowed()).isTrue();
        assertThat(asked).hasSize(2);
    }

    @Test
    void aFailedRefillFailsEveryWaiterAndTheNextRequestAsksAgain() {
        BucketSlice slice = new BucketSlice(new RateLimitProperties.Limit(500, 1_000), clock::get);
        List<Throwable> errors = new ArrayList<>();
        Sinks.One<BucketSlice.Grant> redis = Sinks.one();
        for (int i = 0; i < 2; i++) {
            slice.take(n -> redis.asMono()).subscribe(decision -> { }, errors::add);
        }
        redis.tryEmitError(new IllegalStateException("Redis away"));
        assertThat(errors).hasSize(2);

        assertThat(take(slice).allowed()).isTrue();
        assertThat(asked).containsExactly(1);
    }
}
