package io.ticketing.gateway.access;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues and verifies customer session tokens: JWTs signed with HMAC-SHA256 under a secret shared by every
 * gateway instance, naming the customer of a verified e-mail address ({@link CustomerIds}); and, where a deployment
 * configures its own OpenID Connect provider, that provider's access tokens ({@link OidcTokens}). Only the gateway ever
 * sees a token; services receive the verified customer id. A token verified once is remembered (the most recently
 * used {@value #REMEMBERED} of them), so a customer's next requests cost a map look-up, an expiry check and a
 * sign-out check instead of parsing the JWT and computing its signature again; a token that failed is never
 * remembered.
 */
@Component
public class SessionTokens {

    private static final String ISSUER = "ticketing-gateway";
    static final int REMEMBERED = 50_000;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration ttl;
    private final Clock clock;
    private final SessionRevocations revocations;
    /** The deployment's own identity provider, if one is configured. */
    private final OidcTokens oidc;
    private final Cache<String, CustomerSession> verified = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    SessionTokens(AccessProperties properties, SessionRevocations revocations, Clock clock) throws JOSEException {
        byte[] secret = properties.sessions().secret().getBytes(StandardCharsets.UTF_8);
        this.signer = new MACSigner(secret);
        this.verifier = new MACVerifier(secret);
        this.ttl = properties.sessions().ttl();
        this.revocations = revocations;
        this.clock = clock;
        this.oidc = properties.oidc() != null && properties.oidc().enabled()
                ? new OidcTokens(properties.oidc(), clock) : null;
    }

    /**
     * A new session of the customer with this e-mail address, which the caller has verified (a sign-in code mailed
     * to it, or an admin's word); tickets and news go to it.
     */
    public Issued issue(String email) {
        Instant now = clock.instant();
        String address = CustomerIds.normalized(email);
        var session = new CustomerSession(UUID.randomUUID().toString(), CustomerIds.ofEmail(address), address,
                now.plus(ttl));
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(session.customerId().toString())
                .claim("email", address)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(session.expiresAt()))
                .jwtID(session.sessionId())
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign session token", ex);
        }
        return new Issued(jwt.serialize(), session);
    }

    /** Checks signature, algorithm, issuer, expiry and sign-out; never trusts anything in an unverified token. */
    public CustomerSession verify(String token) {
        CustomerSession session = verified.getIfPresent(token);
        if (session == null) {
            session = verifySignature(token);
            verified.put(token, session);
        }
        if (!session.expiresAt().isAfter(clock.instant())) {
            throw new InvalidSession(InvalidSession.Reason.EXPIRED);
        }
        if (revocations.isRevoked(session)) {
            throw new InvalidSession(InvalidSession.Reason.SIGNED_OUT);
        }
        return session;
    }

    private CustomerSession verifySignature(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            if (oidc != null && oidc.issued(jwt)) {
                return oidc.verify(jwt, ApiClients.sha256(token));
            }
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new InvalidSession(InvalidSession.Reason.INVALID);
            }
            claims = jwt.getJWTClaimsSet();
        }
        catch (ParseException | JOSEException | IllegalStateException ex) {
            throw new InvalidSession(InvalidSession.Reason.INVALID);
        }
        if (!ISSUER.equals(claims.getIssuer()) || claims.getExpirationTime() == null || claims.getSubject() == null
                || claims.getJWTID() == null) {
            throw new InvalidSession(InvalidSession.Reason.INVALID);
        }
        Instant expiresAt = claims.getExpirationTime().toInstant();
        try {
            return new CustomerSession(claims.getJWTID(), UUID.fromString(claims.getSubject()),
                    (String) claims.getClaim("email"), expiresAt);
        }
        catch (IllegalArgumentException | ClassCastException ex) {
            throw new InvalidSession(InvalidSession.Reason.INVALID);
        }
    }

    public record Issued(String token, CustomerSession session) {
    }

    /** The token is forged, malformed, expired or signed out. */
    public static final class InvalidSession extends RuntimeException {

        public enum Reason {
            INVALID("SESSION_INVALID", "The session token is not valid"),
            EXPIRED("SESSION_EXPIRED", "The session has expired"),
            SIGNED_OUT("SESSION_ENDED", "The session was signed out");

            private final String code;
            private final String detail;

            Reason(String code, String detail) {
                this.code = code;
                this.detail = detail;
            }
        }

        private final Reason reason;

        InvalidSession(Reason reason) {
            super(reason.detail, null, false, false);
            this.reason = reason;
        }

        /** The problem's code: {@code SESSION_INVALID}, {@code SESSION_EXPIRED} or {@code SESSION_ENDED}. */
        public String code() {
            return reason.code;
        }
    }
}
