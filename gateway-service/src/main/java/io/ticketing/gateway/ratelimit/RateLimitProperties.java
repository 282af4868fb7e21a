package io.ticketing.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Default limits: per API key (a key may set its own in {@code ticketing.gateway.access.api-keys}) and per
 * customer session. {@code TICKETING_GATEWAY_RATE_LIMITS_PER_CUSTOMER_REQUESTS_PER_SECOND=5} and so on.
 */
@ConfigurationProperties("ticketing.gateway.rate-limits")
public record RateLimitProperties(Limit perKey, Limit perCustomer) {

    /** A token bucket: {@code requestsPerSecond} sustained, up to {@code burst} at once. */
    public record Limit(int requestsPerSecond, int burst) {

        public Limit {
            if (requestsPerSecond <= 0 || burst <= 0) {
                throw new IllegalArgumentException("Rate limits must be positive");
            }
        }
    }
}
