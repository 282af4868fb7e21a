package io.ticketing.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";

    private Instant now = Instant.parse("2026-12-03T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final AccessProperties properties = properties(SECRET);
    private final SessionRevocations revocations = new SessionRevocations(null, clock, properties);

    private static AccessProperties properties(String secret) {
        return new AccessProperties(List.of(), new AccessProperties.Sessions(secret, Duration.ofHours(1)),
                new AccessProperties.SignIn(Duration.ofMinutes(10), 5, 5, 50, Duration.ofMinutes(15)), null);
    }

    private SessionTokens tokens(String secret) throws Exception {
        return new SessionTokens(properties(secret), revocations, clock);
    }

    @Test
    void oneEmailAddressIsOneCustomerInEverySession() throws Exception {
        SessionTokens tokens = tokens(SECRET);
        var laptop = tokens.issue("Ana@Example.com").session();
        var phone = tokens.issue(" ana@example.com").session();
        var bob = tokens.issue("bob@example.com").session();

        assertThat(phone.customerId()).isEqualTo(laptop.customerId()).isNotEqualTo(bob.customerId());
        assertThat(phone.sessionId()).isNotEqualTo(laptop.sessionId());
        assertThat(laptop.email()).isEqualTo("ana@example.com");
        assertThat(tokens(SECRET.replace('a', 'b')).issue("ana@example.com").session().customerId())
                .as("not tied to the signing secret").isEqualTo(laptop.customerId());
    }

    @Test
    void aSignedOutSessionFailsAndTheCustomersOtherSessionsDoNot() throws Exception {
        SessionTokens tokens = tokens(SECRET);
        var laptop = tokens.issue("ana@example.com");
        var phone = tokens.issue("ana@example.com");
        tokens.verify(laptop.token());

        revocations.remember(laptop.session().sessionId(), laptop.session().expiresAt().toEpochMilli());

        assertThatThrownBy(() -> tokens.verify(laptop.token())).isInstanceOfSatisfying(
                SessionTokens.InvalidSession.class, invalid -> assertThat(invalid.code()).isEqualTo("SESSION_ENDED"));
        assertThat(tokens.verify(phone.token())).isEqualTo(phone.session());
    }

    @Test
    void aRememberedTokenStillExpiresOnTime() throws Exception {
        SessionTokens tokens = tokens(SECRET);
        var issued = tokens.issue("ana@example.com");

        assertThat(tokens.verify(issued.token())).isEqualTo(issued.session());
        assertThat(tokens.verify(issued.token())).as("remembered").isEqualTo(issued.session());
        now = now.plus(Duration.ofHours(1));
        assertThatThrownBy(() -> tokens.verify(issued.token())).isInstanceOfSatisfying(
                SessionTokens.InvalidSession.class, invalid -> assertThat(invalid.code()).isEqualTo("SESSION_EXPIRED"));
    }

    @Test
    void aTokenThatFailedIsNeverRememberedAndAForgeryOfARememberedOneFails() throws Exception {
        SessionTokens tokens = tokens(SECRET);
        var issued = tokens.issue("ana@example.com");
        tokens.verify(issued.token());
        String forged = tokens(SECRET.replace('a', 'b')).issue("ana@example.com").token();
        String tampered = issued.token().substring(0, issued.token().length() - 2)
                + (issued.token().endsWith("AA") ? "BB" : "AA");

        for (String token : List.of(forged, forged, tampered, tampered)) {
            assertThatThrownBy(() -> tokens.verify(token)).isInstanceOfSatisfying(SessionTokens.InvalidSession.class,
                    invalid -> assertThat(invalid.code()).isEqualTo("SESSION_INVALID"));
        }
    }
}
