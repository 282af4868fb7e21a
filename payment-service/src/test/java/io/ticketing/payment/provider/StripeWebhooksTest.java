package io.ticketing.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ticketing.starter.RequestRejectedException;

/**
 * Reading recorded Stripe webhook events with stripe-java's signature check: valid, forged (wrong secret, tampered
 * body), expired; and the simulated provider's signatures are ones Stripe's check accepts.
 */
class StripeWebhooksTest {

    private static final String SECRET = "whsec_test_recorded";
    private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
    private final StripeWebhooks webhooks = new StripeWebhooks(SECRET, Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsARecordedSucceededIntent() {
        String payload = recorded("payment_intent.succeeded");

        ProviderEvent event = webhooks.verify(payload, SimulatedWebhooks.signature(payload, SECRET, NOW.getEpochSecond()));

        assertThat(event.id()).isEqualTo("evt_3RJ2p5Lt4dXk9v0V1RbWc2pQ");
        assertThat(event.type()).isEqualTo("payment_intent.succeeded");
        assertThat(event.objectId()).isEqualTo("pi_3RJ2p5Lt4dXk9v0V1p3x6tHu");
        assertThat(event.status()).isEqualTo("succeeded");
        assertThat(event.failureCode()).isNull();
        assertThat(event.metadata()).containsEntry("paymentId", "6b1f2b0e-8d43-4a55-9c0e-2f7a1d3e4b5c");
    }

    @Test
    void readsTheDeclineCodeOfARecordedFailureAndTheRefundOfARecordedRefund() {
        String failed = recorded("payment_intent.payment_failed");
        String refund = recorded("refund.created");

        var failure = webhooks.verify(failed, SimulatedWebhooks.signature(failed, SECRET, NOW.getEpochSecond()));
        var refunded = webhooks.verify(refund, SimulatedWebhooks.signature(refund, SECRET, NOW.getEpochSecond()));

        assertThat(failure.failureCode()).isEqualTo("card_declined");
        assertThat(failure.status()).isEqualTo("requires_payment_method");
        assertThat(refunded.objectId()).isEqualTo("re_3RJ2p5Lt4dXk9v0V1Zk0YtGm");
        assertThat(refunded.status()).isEqualTo("succeeded");
        assertThat(refunded.metadata()).containsEntry("refundId", "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a");
    }

    @Test
    void refusesASignatureUnderAnotherSecret() {
        String payload = recorded("payment_intent.succeeded");

        assertInvalid(payload, SimulatedWebhooks.signature(payload, "whsec_forged", NOW.getEpochSecond()));
    }

    @Test
    void refusesATamperedBody() {
        String payload = recorded("payment_intent.succeeded");
        String signature = SimulatedWebhooks.signature(payload, SECRET, NOW.getEpochSecond());

        assertInvalid(payload.replace("\"amount\": 2300", "\"amount\": 23"), signature);
        assertInvalid(payload + " ", signature);
    }

    @Test
    void refusesASignatureOlderThanTheToleranceAndAcceptsOneJustWithin() {
        String payload = recorded("payment_intent.succeeded");

        assertInvalid(payload, SimulatedWebhooks.signature(payload, SECRET, NOW.getEpochSecond() - 301));
        assertThat(webhooks.verify(payload, SimulatedWebhooks.signature(payload, SECRET, NOW.getEpochSecond() - 299)))
                .isNotNull();
    }

    @Test
    void refusesAMissingOrGarbledHeader() {
        String payload = recorded("payment_intent.succeeded");

        assertInvalid(payload, null);
        assertInvalid(payload, "");
        assertInvalid(payload, "v1=abc");
        assertInvalid(payload, "t=" + NOW.getEpochSecond() + ",v0=" + "0".repeat(64));
    }

    @Test
    void countsAmountsInTheCurrencysSmallestUnit() {
        assertThat(new PaymentProvider.Charge(new BigDecimal("23.50"), "EUR", Map.of()).minorUnits()).isEqualTo(2350);
        assertThat(new PaymentProvider.Charge(new BigDecimal("1800"), "JPY", Map.of()).minorUnits()).isEqualTo(1800);
        assertThat(new PaymentProvider.Charge(new BigDecimal("1.234"), "KWD", Map.of()).minorUnits()).isEqualTo(1234);
    }

    private void assertInvalid(String payload, String signature) {
        assertThatThrownBy(() -> webhooks.verify(payload, signature)).isInstanceOf(RequestRejectedException.class)
                .extracting(ex -> ((RequestRejectedException) ex).code()).isEqualTo("INVALID_SIGNATURE");
    }

    /** A recorded event with the ids it was recorded with. */
    private static String recorded(String type) {
        try (InputStream in = StripeWebhooksTest.class.getResourceAsStream("/webhooks/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{eventId}}", "evt_3RJ2p5Lt4dXk9v0V1RbWc2pQ")
                    .replace("{{created}}", String.valueOf(NOW.getEpochSecond() - 2))
                    .replace("{{intentId}}", "pi_3RJ2p5Lt4dXk9v0V1p3x6tHu")
                    .replace("{{paymentId}}", "6b1f2b0e-8d43-4a55-9c0e-2f7a1d3e4b5c")
                    .replace("{{holdId}}", "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
                    .replace("{{showId}}", "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")
                    .replace("{{refundId}}", "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a")
                    .replace("{{providerRefundId}}", "re_3RJ2p5Lt4dXk9v0V1Zk0YtGm");
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
