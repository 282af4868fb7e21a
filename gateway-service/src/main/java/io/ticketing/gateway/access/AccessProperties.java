package io.ticketing.gateway.access;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys and session settings. Keys are stored as SHA-256 hashes only, so configuration and its backups
 * never hold a usable key; each key may carry its own rate limit. Override as environment variables, e.g.
 * {@code TICKETING_GATEWAY_ACCESS_API_KEYS_0_SHA256} and {@code TICKETING_GATEWAY_ACCESS_SESSIONS_SECRET}.
 */
@ConfigurationProperties("ticketing.gateway.access")
public record AccessProperties(List<ApiKey> apiKeys, Sessions sessions, SignIn signIn, Oidc oidc) {

    public AccessProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /**
     * @param name shown in logs and passed to services, never the key itself
     * @param sha256 hex SHA-256 of the key
     * @param requestsPerSecond sustained rate for this key, {@code null} for the default
     * @param burst requests allowed at once, {@code null} for the default
     */
    public record ApiKey(String name, String sha256, Role role, Integer requestsPerSecond, Integer burst) {
    }

    /**
     * @param secret HMAC key signing session tokens, at least 32 bytes, the same on every gateway instance
     * @param ttl how long a session token is valid
     */
    public record Sessions(String secret, Duration ttl) {
    }

    /**
     * @param codeTtl how long a mailed sign-in code is valid
     * @param attempts answers allowed per code, the right one included
     * @param codesPerEmail codes mailed to one e-mail address per window
     * @param codesPerClient codes asked for from one client address per window
     * @param window the period those two limits count over
     */
    public record SignIn(Duration codeTtl, int attempts, int codesPerEmail, int codesPerClient, Duration window) {
    }

    /**
     * A deployment's own OpenID Connect provider, whose access tokens the gateway accepts next to its own sessions;
     * off while {@code issuer} is not set.
     *
     * @param issuer the provider's issuer ({@code iss}), e.g. {@code https://login.example.com/realms/tickets}
     * @param jwksUri where it publishes its signing keys, e.g.
     *                {@code https://login.example.com/realms/tickets/protocol/openid-connect/certs}
     * @param audience the audience ({@code aud}) its tokens must name for this platform; none checked when blank
     */
    public record Oidc(String issuer, String jwksUri, String audience) {

        public boolean enabled() {
            return issuer != null && !issuer.isBlank();
        }
    }

    public enum Role {
        /** A customer-facing app: browse, search, sessions and the customer's own holds and bookings. */
        CLIENT,
        /** An admin tool: everything a client may do, plus {@code /api/v1/admin/**} and admitting tickets. */
        ADMIN,
        /** A ticket scanner at a venue's door: what a client may do, plus admitting tickets. */
        SCANNER
    }
}
