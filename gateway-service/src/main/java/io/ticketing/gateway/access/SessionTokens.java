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
 * gateway instance. Only the gateway ever sees a token; services receive the verified customer id. A token verified
 * once is remembered (the most recently used {@value #REMEMBERED} of them), so a customer's next requests cost a map
 * look-up and an expiry check instead of parsing the JWT and computing its signature again; a token that failed is
 * never remembered.
 */
@Component
public class SessionTokens {

    private static final String ISSUER = "ticketing-gateway";
    static final int REMEMBERED = 50_000;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration ttl;
    private final Clock clock;
    private final Cache<String, CustomerSession> verified = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    SessionTokens(AccessProperties properties, Clock clock) throws JOSEException {
        byte[] secret = properties.sessions().secret().getBytes(StandardCharsets.UTF_8);
        this.signer = new MACSigner(secret);
        this.verifier = new MACVerifier(secret);
        this.ttl = properties.sessions().ttl();
        this.clock = clock;
    }

    /** A new customer with a new session; the e-mail, if given, is where tickets go. */
    public Issued issue(String email) {
        Instant now = clock.instant();
        var session = new CustomerSession(UUID.randomUUID(), email, now.plus(ttl));
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(session.customerId().toString())
                .claim("email", email)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(session.expiresAt()))
                .jwtID(UUID.randomUUID().toString())
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

    /** Checks signature, algorithm, issuer and expiry; never trusts anything in an unverified token. */
    public CustomerSession verify(String token) {
        CustomerSession session = verified.getIfPresent(token);
        if (session == null) {
            session = verifySignature(token);
            verified.put(token, session);
        }
        if (!session.expiresAt().isAfter(clock.instant())) {
            throw new InvalidSession(true);
        }
        return session;
    }

    private CustomerSession verifySignature(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new InvalidSession(false);
            }
            claims = jwt.getJWTClaimsSet();
        }
        catch (ParseException | JOSEException | IllegalStateException ex) {
            throw new InvalidSession(false);
        }
        if (!ISSUER.equals(claims.getIssuer()) || claims.getExpirationTime() == null || claims.getSubject() == null) {
            throw new InvalidSession(false);
        }
        Instant expiresAt = claims.getExpirationTime().toInstant();
        try {
            return new CustomerSession(UUID.fromString(claims.getSubject()), (String) claims.getClaim("email"), expiresAt);
        }
        catch (IllegalArgumentException | ClassCastException ex) {
            throw new InvalidSession(false);
        }
    }

    public record Issued(String token, CustomerSession session) {
    }

    /** The token is forged, malformed or expired. */
    public static final class InvalidSession extends RuntimeException {

        private final boolean expired;

        InvalidSession(boolean expired) {
            super(expired ? "The session has expired" : "The session token is not valid", null, false, false);
            this.expired = expired;
        }

        public boolean expired() {
            return expired;
        }
    }
}
