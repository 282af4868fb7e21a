package io.ticketing.gateway.access;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Access tokens of a deployment's own OpenID Connect identity provider, verified against the keys it publishes
 * (its JWKS, fetched once at start-up and refreshed before they expire, or when a token names a key not seen yet):
 * signature (RS256/384/512, ES256/384/512, PS256/384/512), issuer, audience if configured, expiry and subject. Each
 * subject is one customer ({@link CustomerIds#ofSubject}), on every device; the {@code email} claim is passed on
 * only where the provider says it verified it.
 */
final class OidcTokens {

    private static final Logger log = LoggerFactory.getLogger(OidcTokens.class);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.PS256,
            JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    private final String issuer;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    OidcTokens(AccessProperties.Oidc settings, Clock clock) {
        this.issuer = settings.issuer();
        this.clock = clock;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(URI.create(settings.jwksUri()).toURL()).retrying(true).build();
        }
        catch (MalformedURLException | IllegalArgumentException ex) {
            throw new IllegalArgumentException("ticketing.gateway.access.oidc.jwks-uri is not a URL: "
                    + settings.jwksUri(), ex);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(
                settings.audience() == null || settings.audience().isBlank() ? null : Set.of(settings.audience()),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp"), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        processor.setJWTClaimsSetVerifier(verifier);
        try {
            keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        }
        catch (Exception ex) {
            log.warn("Cannot read the identity provider's keys at {} yet; trying again when a token arrives: {}",
                    settings.jwksUri(), ex.toString());
        }
    }

    /** Whether the token claims to come from the configured provider (nothing in it is trusted yet). */
    boolean issued(SignedJWT token) {
        try {
            return issuer.equals(token.getJWTClaimsSet().getIssuer());
        }
        catch (ParseException ex) {
            return false;
        }
    }

    /** The customer the provider vouches for; fails for anything not signed by it, expired, or not for us. */
    CustomerSession verify(SignedJWT token, String sessionId) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        }
        catch (BadJOSEException | JOSEException ex) {
            throw new SessionTokens.InvalidSession(expired(token)
                    ? SessionTokens.InvalidSession.Reason.EXPIRED : SessionTokens.InvalidSession.Reason.INVALID);
        }
        String email = verifiedEmail(claims);
        return new CustomerSession(claims.getJWTID() != null ? claims.getJWTID() : sessionId,
                CustomerIds.ofSubject(issuer, claims.getSubject()),
                email == null ? null : CustomerIds.normalized(email), claims.getExpirationTime().toInstant());
    }

    /** The {@code email} claim, where the provider says it verified the address. */
    private static String verifiedEmail(JWTClaimsSet claims) {
        try {
            return Boolean.TRUE.equals(claims.getBooleanClaim("email_verified")) ? claims.getStringClaim("email")
                    : null;
        }
        catch (ParseException ex) {
            return null;
        }
    }

    private boolean expired(SignedJWT token) {
        try {
            Date expiry = token.getJWTClaimsSet().getExpirationTime();
            return expiry != null && !expiry.toInstant().isAfter(clock.instant());
        }
        catch (ParseException ex) {
            return false;
        }
    }
}
