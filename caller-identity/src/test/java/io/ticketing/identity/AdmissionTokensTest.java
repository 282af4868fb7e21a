package io.ticketing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AdmissionTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant UNTIL = NOW.plusSeconds(600);
    private final AdmissionTokens tokens = new AdmissionTokens(CallerSignatures.LOCAL_SECRET);
    private final UUID show = UUID.fromString("4f0c6d8e-1b2a-4c3d-9e8f-0a1b2c3d4e5f");
    private final UUID ana = UUID.fromString("0b6f6a52-6f0e-4d7e-9d7a-1b1c8f0c7a11");
    private final UUID bob = UUID.fromString("7c1d7a4e-0000-4d7e-9d7a-1b1c8f0c7a11");

    @Test
    void admitsItsCustomerToItsShowUntilItsTimeIsUp() {
        String token = tokens.issue(show, ana, UNTIL);
        assertThat(token).startsWith("a1." + UNTIL.getEpochSecond() + ".");
        assertThat(tokens.admits(token, show, ana, NOW)).isTrue();
        assertThat(tokens.admits(token, show, ana, UNTIL.minusSeconds(1))).isTrue();
        assertThat(tokens.admits(token, show, ana, UNTIL)).as("at its end").isFalse();
    }

    @Test
    void admitsNobodyElseToNoOtherShow() {
        String token = tokens.issue(show, ana, UNTIL);
        assertThat(tokens.admits(token, show, bob, NOW)).as("another customer").isFalse();
        assertThat(tokens.admits(token, UUID.randomUUID(), ana, NOW)).as("another show").isFalse();
    }

    @Test
    void refusesATokenWithAChangedTimeForgedOrMalformed() {
        String token = tokens.issue(show, ana, UNTIL);
        String later = token.replace("." + UNTIL.getEpochSecond() + ".", "." + (UNTIL.getEpochSecond() + 3600) + ".");
        assertThat(tokens.admits(later, show, ana, UNTIL.plusSeconds(10))).as("time pushed back").isFalse();
        var otherSecret = new AdmissionTokens("another-secret-of-at-least-thirty-two-bytes");
        assertThat(tokens.admits(otherSecret.issue(show, ana, UNTIL), show, ana, NOW)).as("other key").isFalse();
        for (String malformed : new String[] { null, "", "a1.", "a1.x.y", "a1.123", "b1." + UNTIL.getEpochSecond()
                + ".abc", token.substring(0, token.length() - 2) }) {
            assertThat(tokens.admits(malformed, show, ana, NOW)).as("%s", malformed).isFalse();
        }
    }

    @Test
    void isNotACallerSignature() {
        var signatures = new CallerSignatures(CallerSignatures.LOCAL_SECRET);
        assertThat(signatures.derive("ticketing admission tokens v1"))
                .isNotEqualTo(signatures.derive("something else"));
    }
}
