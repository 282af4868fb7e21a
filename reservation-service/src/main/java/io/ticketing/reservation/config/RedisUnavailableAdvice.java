package io.ticketing.reservation.config;

import org.redisson.client.RedisBusyException;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisNodeNotFoundException;
import org.redisson.client.RedisOutOfMemoryException;
import org.redisson.client.RedisReadonlyException;
import org.redisson.client.RedisReconnectedException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ticketing.starter.web.ProblemDetailsAdvice;

/**
 * A request that met Redis away — paused, restarting, still loading its data, out of memory, not answering within
 * Redisson's time and retries — is told to try again (503 {@code REDIS_UNAVAILABLE} with {@code Retry-After}), not
 * that the service is broken. Whether a hold was taken is then unknown to the client: its retry with the same
 * {@code Idempotency-Key} gets the hold if it was, or takes it. Script errors and other Redis replies stay 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RedisUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(RedisUnavailableAdvice.class);

    /** {@link RedisRetryException} covers a Redis still loading its data and one asking to try again. */
    @ExceptionHandler({ RedisTimeoutException.class, RedisConnectionException.class, RedisRetryException.class,
            RedisBusyException.class, RedisReconnectedException.class, RedisNodeNotFoundException.class,
            RedisReadonlyException.class, RedisOutOfMemoryException.class })
    ResponseEntity<ProblemDetail> unavailable(Exception ex) {
        log.warn("Redis unavailable, answered 503: {}", ex.toString());
        return ProblemDetailsAdvice.tryAgain("REDIS_UNAVAILABLE",
                "The seat store cannot take this request right now; try again (a hold with the same Idempotency-Key)");
    }
}
