package io.ticketing.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A deployment's own identity provider: its access tokens are accepted when its published keys verify them, and each
 * subject is one customer. The provider here is a local HTTP server publishing a JWKS, as Keycloak or Auth0 do.
 */
class OidcTokensTest {

    private static final String ISSUER = "https://login.example.com/realms/tickets";
    private static final Instant NOW = Instant.now();
    private static RSAKey providerKey;
    private static HttpServer provider;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private SessionRevocations revocations;

    @BeforeAll
    static void anIdentityProviderPublishingItsKeys() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("provider-key-1").generate();
        byte[] jwks = new JWKSet(providerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop(0);
    }

    private SessionTokens tokens() throws Exception {
        var oidc = new AccessProperties.Oidc(ISSUER, "http://127.0.0.1:" + provider.getAddress().getPort() + "/certs",
                "ticketing");
        var properties = new AccessProperties(List.of(), new AccessProperties.Sessions(
                "a-test-secret-of-at-least-thirty-two-bytes", Duration.ofHours(1)),
                new AccessProperties.SignIn(Duration.ofMinutes(10), 5, 5, 50, Duration.ofMinutes(15)), oidc);
        revocations = new SessionRevocations(null, clock, properties);
        return new SessionTokens(properties, revocations, clock);
    }

    private static String token(RSAKey key, JWTClaimsSet.Builder claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience("ticketing")
                .jwtID(UUID.randomUUID().toString()).expirationTime(Date.from(NOW.plusSeconds(300)));
    }

    @Test
    void acceptsTheProvidersTokensAndNamesOneCustomerPerSubject() throws Exception {
        SessionTokens tokens = tokens();

        var phone = tokens.verify(token(providerKey, claims("user-42").claim("email", "Ana@Example.com")
                .claim("email_verified", true)));
        var laptop = tokens.verify(token(providerKey, claims("user-42")));

        assertThat(phone.customerId()).isEqualTo(laptop.customerId()).isEqualTo(CustomerIds.ofSubject(ISSUER, "user-42"));
        assertThat(phone.email()).isEqualTo("ana@example.com");
        assertThat(laptop.email()).isNull();
        assertThat(tokens.verify(token(providerKey, claims("user-43"))).customerId()).isNotEqualTo(phone.customerId());
        assertThat(tokens.verify(token(providerKey, claims("user-44").claim("email", "bob@example.com")
                .claim("email_verified", false))).email()).as("an address the provider did not verify").isNull();
    }

    @Test
    void refusesForeignExpiredAndMisaddressedTokens() throws Exception {
        SessionTokens tokens = tokens();
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("provider-key-1").generate();

        for (String token : List.of(token(impostor, claims("user-42")),
                token(providerKey, claims("user-42").audience("another-app")),
                token(providerKey, claims("user-42").issuer("https://evil.example.com")),
                token(providerKey, new JWTClaimsSet.Builder().issuer(ISSUER).audience("ticketing")
                        .expirationTime(Date.from(NOW.plusSeconds(300)))))) {
            assertThatThrownBy(() -> tokens.verify(token)).isInstanceOfSatisfying(SessionTokens.InvalidSession.class,
                    invalid -> assertThat(invalid.code()).isEqualTo("SESSION_INVALID"));
        }
        String expired = token(providerKey, claims("user-42").expirationTime(Date.from(NOW.minusSeconds(120))));
        assertThatThrownBy(() -> tokens.verify(expired)).isInstanceOfSatisfying(SessionTokens.InvalidSession.class,
                invalid -> assertThat(invalid.code()).isEqualTo("SESSION_EXPIRED"));
    }

    @Test
    void signsOutAProvidersTokenLikeAnyOtherSession() throws Exception {
        SessionTokens tokens = tokens();
        String token = token(providerKey, claims("user-42"));
        var session = tokens.verify(token);

        revocations.remember(session.sessionId(), session.expiresAt().toEpochMilli());

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOfSatisfying(SessionTokens.InvalidSession.class,
                invalid -> assertThat(invalid.code()).isEqualTo("SESSION_ENDED"));
    }
}
