package io.ticketing.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Default limits: per API key (a key may set its own in {@code ticketing.gateway.access.api-keys}), per customer
 * session, per client address for what needs no key (the API document), and how many live streams
 * one customer or one client address may hold open on a gateway instance.
 * {@code TICKETING_GATEWAY_RATE_LIMITS_PER_CUSTOMER_REQUESTS_PER_SECOND=5} and so on.
 */
@ConfigurationProperties("ticketing.gateway.rate-limits")
public record RateLimitProperties(Limit perKey, Limit perCustomer, Limit perClient, Streams streams) {

    /**
     * @param perCustomer seat-map, waiting-list and waiting-room streams one customer's sessions may hold open at once
     * @param perClient streams one client address may hold open without a session
     */
    public record Streams(int perCustomer, int perClient) {

        public Streams {
            if (perCustomer <= 0 || perClient <= 0) {
                throw new IllegalArgumentException("Stream limits must be positive");
            }
        }
    }

    /** A token bucket: {@code requestsPerSecond} sustained, up to {@code burst} at once. */
    public record Limit(int requestsPerSecond, int burst) {

        public Limit {
            if (requestsPerSecond <= 0 || burst <= 0) {
                throw new IllegalArgumentException("Rate limits must be positive");
            }
        }
    }
}
