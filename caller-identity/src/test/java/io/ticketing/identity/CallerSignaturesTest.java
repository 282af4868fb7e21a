package io.ticketing.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.ticketing.identity.CallerSignatures.Identity;

class CallerSignaturesTest {

    private static final long NOW = 1_796_000_000L;
    private final CallerSignatures signatures = new CallerSignatures(CallerSignatures.LOCAL_SECRET);
    private final Identity ana = new Identity("gateway-service", "0b6f6a52-6f0e-4d7e-9d7a-1b1c8f0c7a11",
            "ana@example.com", "web-app");

    @Test
    void acceptsItsOwnSignatureOverTheSameIdentity() {
        assertThat(signatures.verify(ana, signatures.sign(ana, NOW), NOW + 10)).isTrue();
        var anonymous = new Identity("payment-service", null, null, null);
        assertThat(signatures.verify(anonymous, signatures.sign(anonymous, NOW), NOW)).isTrue();
    }

    @Test
    void refusesTheSignatureForAnyOtherIdentity() {
        String signature = signatures.sign(ana, NOW);
        for (Identity other : new Identity[] {
                new Identity("gateway-service", "7c1d7a4e-0000-4d7e-9d7a-1b1c8f0c7a11", "ana@example.com", "web-app"),
                new Identity("gateway-service", ana.customerId(), "bob@example.com", "web-app"),
                new Identity("gateway-service", ana.customerId(), "ana@example.com", "admin-tool"),
                new Identity("payment-service", ana.customerId(), "ana@example.com", "web-app") }) {
            assertThat(signatures.verify(other, signature, NOW)).as(other.toString()).isFalse();
        }
    }

    @Test
    void refusesForgedOldAndMalformedSignatures() {
        var stranger = new CallerSignatures("someone-elses-secret-of-at-least-32-bytes");
        assertThat(signatures.verify(ana, stranger.sign(ana, NOW), NOW)).isFalse();
        assertThat(signatures.verify(ana, signatures.sign(ana, NOW), NOW + CallerSignatures.MAX_AGE_SECONDS + 1)).isFalse();
        assertThat(signatures.verify(ana, signatures.sign(ana, NOW), NOW - CallerSignatures.MAX_AGE_SECONDS - 1)).isFalse();
        String genuine = signatures.sign(ana, NOW);
        String restamped = "t=" + (NOW + 100) + genuine.substring(genuine.indexOf(','));
        for (String malformed : new String[] { null, "", "t=", "t=x,v1=abc", "v1=abc", restamped,
                genuine.substring(0, genuine.length() - 1) }) {
            assertThat(signatures.verify(ana, malformed, NOW)).as(String.valueOf(malformed)).isFalse();
        }
        assertThat(signatures.verify(new Identity(null, null, null, null), genuine, NOW)).isFalse();
    }

    @Test
    void needsASecretOfAtLeast32Bytes() {
        assertThatThrownBy(() -> new CallerSignatures("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallerSignatures(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
