package io.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ticketing.events.payment.PaymentFailed;
import io.ticketing.events.payment.PaymentSucceeded;

/**
 * The webhook endpoint with recorded Stripe events: only deliveries signed lately with the endpoint's secret are
 * read, each event has one effect however often it comes, and a payment's status never moves back.
 */
class WebhooksIntegrationTest extends SimulatedProviderTests {

    @Test
    void forgedDeliveriesAreRefusedAndChangeNothing() {
        Pending pending = pending(UUID.randomUUID());
        String eventId = "evt_forged_" + UUID.randomUUID().toString().substring(0, 8);
        var values = new HashMap<>(pending.fixture());
        values.put("eventId", eventId);
        String payload = StripeFixtures.event("payment_intent.succeeded", values);
        long now = Instant.now().getEpochSecond();
        double invalidBefore = counted("ticketing.payment.webhooks", "outcome", "invalid_signature");

        var wrongSecret = webhook(payload, StripeFixtures.sign(payload, "whsec_someone_else", now));
        var tampered = webhook(payload.replace("\"amount\": 2300", "\"amount\": 1"), StripeFixtures.signNow(payload));
        var unsigned = webhook(payload, null);
        var garbled = webhook(payload, "t=soon,v1=zz");

        for (var refused : List.of(wrongSecret, tampered, unsigned, garbled)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.text("code")).isEqualTo("INVALID_SIGNATURE");
        }
        assertThat(counted("ticketing.payment.webhooks", "outcome", "invalid_signature")).isEqualTo(invalidBefore + 4);
        quietly();
        assertThat(jdbc.sql("SELECT count(*) FROM provider_event WHERE id = ?").param(eventId).query(Integer.class)
                .single()).isZero();
        assertThat(status(pending.paymentId())).isEqualTo("PENDING");
        assertThat(events(PaymentSucceeded.class, e -> e.paymentId().equals(pending.paymentId()))).isEmpty();
    }

    @Test
    void aDeliverySignedLongerAgoThanTheToleranceIsRefused() {
        Pending pending = pending(UUID.randomUUID());
        String payload = StripeFixtures.event("payment_intent.succeeded", pending.fixture());

        var expired = webhook(payload, StripeFixtures.sign(payload, StripeFixtures.SECRET,
                Instant.now().getEpochSecond() - 301));

        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.text("code")).isEqualTo("INVALID_SIGNATURE");
        assertThat(status(pending.paymentId())).isEqualTo("PENDING");
        assertThat(webhook(payload, StripeFixtures.signNow(payload)).status()).as("the same event, signed now")
                .isEqualTo(200);
        assertThat(status(pending.paymentId())).isEqualTo("SUCCEEDED");
    }

    @Test
    void aReplayedEventHasOneEffect() {
        Pending pending = pending(UUID.randomUUID());
        String eventId = "evt_replayed_" + UUID.randomUUID().toString().substring(0, 8);
        var values = new HashMap<>(pending.fixture());
        values.put("eventId", eventId);
        String payload = StripeFixtures.event("payment_intent.succeeded", values);
        String signature = StripeFixtures.signNow(payload);
        double appliedBefore = counted("ticketing.payment.webhooks", "outcome", "applied");
        double duplicatesBefore = counted("ticketing.payment.webhooks", "outcome", "duplicate");
        double succeededBefore = counted("ticketing.payments", "outcome", "succeeded", "provider", "simulated");

        assertThat(webhook(payload, signature).status()).isEqualTo(200);
        assertThat(webhook(payload, signature).status()).as("replayed as captured").isEqualTo(200);
        assertThat(webhook(payload, StripeFixtures.signNow(payload)).status()).as("redelivered").isEqualTo(200);

        await().atMost(EVENTUALLY).until(() -> !events(PaymentSucceeded.class,
                e -> e.paymentId().equals(pending.paymentId())).isEmpty());
        quietly();
        assertThat(events(PaymentSucceeded.class, e -> e.paymentId().equals(pending.paymentId()))).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM provider_event WHERE id = ?").param(eventId).query(Integer.class)
                .single()).as("remembered once").isEqualTo(1);
        assertThat(counted("ticketing.payment.webhooks", "outcome", "applied")).isEqualTo(appliedBefore + 1);
        assertThat(counted("ticketing.payment.webhooks", "outcome", "duplicate")).isEqualTo(duplicatesBefore + 2);
        assertThat(counted("ticketing.payments", "outcome", "succeeded", "provider", "simulated"))
                .isEqualTo(succeededBefore + 1);
    }

    @Test
    void aFailureArrivingAfterTheSuccessChangesNothing() {
        Pending pending = pending(UUID.randomUUID());
        String succeeded = StripeFixtures.event("payment_intent.succeeded", pending.fixture());
        String failed = StripeFixtures.event("payment_intent.payment_failed", pending.fixture());

        assertThat(webhook(succeeded, StripeFixtures.signNow(succeeded)).status()).isEqualTo(200);
        assertThat(webhook(failed, StripeFixtures.signNow(failed)).status()).isEqualTo(200);

        assertThat(status(pending.paymentId())).isEqualTo("SUCCEEDED");
        await().atMost(EVENTUALLY).until(() -> !events(PaymentSucceeded.class,
                e -> e.paymentId().equals(pending.paymentId())).isEmpty());
        quietly();
        assertThat(events(PaymentFailed.class, e -> e.paymentId().equals(pending.paymentId()))).isEmpty();
    }

    @Test
    void aRecordedFailureFailsThePaymentWithStripesCode() {
        Pending pending = pending(UUID.randomUUID());
        String failed = StripeFixtures.event("payment_intent.payment_failed", pending.fixture());
        double failedBefore = counted("ticketing.payments", "outcome", "failed", "provider", "simulated");

        assertThat(webhook(failed, StripeFixtures.signNow(failed)).status()).isEqualTo(200);
        assertThat(webhook(failed, StripeFixtures.signNow(failed)).status()).as("redelivered").isEqualTo(200);

        assertThat(counted("ticketing.payments", "outcome", "failed", "provider", "simulated"))
                .isEqualTo(failedBefore + 1);
        await().atMost(EVENTUALLY).until(() -> !events(PaymentFailed.class,
                e -> e.paymentId().equals(pending.paymentId())).isEmpty());
        assertThat(events(PaymentFailed.class, e -> e.paymentId().equals(pending.paymentId())).get(0).reason())
                .isEqualTo("card_declined");
        assertThat(status(pending.paymentId())).isEqualTo("FAILED");
    }

    @Test
    void eventsOfOtherTypesOrOfOtherIntentsAreAcknowledgedAndIgnored() {
        Pending pending = pending(UUID.randomUUID());
        var strangers = new HashMap<>(pending.fixture());
        strangers.put("intentId", "pi_3NotOurs" + UUID.randomUUID().toString().substring(0, 8));
        strangers.put("refundId", UUID.randomUUID().toString());
        String chargeRefunded = StripeFixtures.event("charge.refunded", strangers);
        String otherIntent = StripeFixtures.event("payment_intent.succeeded", strangers);
        String otherRefund = StripeFixtures.event("refund.created", Map.of("intentId", pending.intentId(),
                "providerRefundId", "re_3NotOurs", "paymentId", pending.paymentId(), "refundId",
                UUID.randomUUID().toString()));
        double appliedBefore = counted("ticketing.payment.webhooks", "outcome", "applied");
        double malformedBefore = counted("ticketing.payment.webhooks", "outcome", "malformed");

        for (String payload : new String[] { chargeRefunded, otherIntent, otherRefund }) {
            assertThat(webhook(payload, StripeFixtures.signNow(payload)).status()).isEqualTo(200);
        }
        for (String notAnEvent : List.of("{\"id\":", "{}", "[]")) {
            var malformed = webhook(notAnEvent, StripeFixtures.signNow(notAnEvent));
            assertThat(malformed.status()).as(notAnEvent).isEqualTo(400);
            assertThat(malformed.text("code")).isEqualTo("MALFORMED_EVENT");
        }
        assertThat(counted("ticketing.payment.webhooks", "outcome", "malformed")).isEqualTo(malformedBefore + 3);
        assertThat(counted("ticketing.payment.webhooks", "outcome", "applied")).as("acknowledged, remembered")
                .isEqualTo(appliedBefore + 3);

        quietly();
        assertThat(status(pending.paymentId())).isEqualTo("PENDING");
        assertThat(events(PaymentSucceeded.class, e -> e.holdId().equals(pending.hold().holdId()))).isEmpty();
    }
}
