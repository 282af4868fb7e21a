package io.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.events.Topics;
import io.ticketing.events.booking.BookingRejected;
import io.ticketing.events.payment.PaymentFailed;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.events.payment.PaymentSucceeded;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.EventRecorder;

/**
 * The Stripe provider through stripe-java against a local stand-in for Stripe's API (what Stripe receives: form
 * parameters, amounts in minor units, metadata, idempotency keys), driven on by recorded Stripe webhook events
 * signed with the endpoint's secret. Its own database and consumer group keep it apart from the simulated tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeProviderIntegrationTest {

    private static final StripeApiStub STRIPE = new StripeApiStub();
    private static final ReservationStub RESERVATION = ReservationStub.shared();
    private static final String SECRET = "whsec_test_stripe_endpoint";
    private static final Duration EVENTUALLY = Duration.ofSeconds(20);
    private static final EventRecorder PAYMENT_EVENTS = EventRecorder.of(Topics.PAYMENT_PAYMENT_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "payment_stripe", Component.POSTGRES, Component.KAFKA);
        registry.add("ticketing.payment.provider", () -> "stripe");
        registry.add("ticketing.payment.stripe.api-key", () -> "sk_test_stub");
        registry.add("ticketing.payment.stripe.api-base", STRIPE::url);
        registry.add("ticketing.payment.stripe.webhook-secret", () -> SECRET);
        registry.add("ticketing.payment.reservation-url", RESERVATION::url);
        registry.add("spring.kafka.consumer.group-id", () -> "payment-service-stripe-test");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void createsOnePaymentIntentPerAttemptWithTheHoldsAmountMetadataAndIdempotencyKey() {
        UUID ana = UUID.randomUUID();
        var hold = RESERVATION.holdFor(ana);

        var payment = pay(ana, hold.holdId());
        var again = pay(ana, hold.holdId());

        assertThat(payment.status()).as(payment.body()).isEqualTo(201);
        assertThat(payment.text("provider")).isEqualTo("stripe");
        assertThat(again.status()).isEqualTo(200);
        var created = STRIPE.requests("/v1/payment_intents", "metadata[holdId]", hold.holdId().toString());
        assertThat(created).as("one PaymentIntent for the hold").hasSize(1);
        var request = created.get(0);
        assertThat(request.form()).containsEntry("amount", "2300").containsEntry("currency", "eur")
                .containsEntry("metadata[paymentId]", payment.text("paymentId"))
                .containsEntry("metadata[showId]", hold.showId().toString());
        assertThat(request.headers()).containsEntry("idempotency-key", "payment-" + hold.holdId() + "-1")
                .containsEntry("authorization", "Bearer sk_test_stub");
        assertThat(payment.text("clientSecret")).startsWith(intentOf(payment.text("paymentId")) + "_secret_");
    }

    @Test
    void chargesCurrenciesWithoutCentsInWholeUnits() {
        UUID ana = UUID.randomUUID();
        var hold = RESERVATION.put(RESERVATION.holdFor(ana).pricedAt(new BigDecimal("1800"), "JPY"));

        assertThat(pay(ana, hold.holdId()).status()).isEqualTo(201);

        var request = STRIPE.requests("/v1/payment_intents", "metadata[holdId]", hold.holdId().toString()).get(0);
        assertThat(request.form()).containsEntry("amount", "1800").containsEntry("currency", "jpy");
    }

    @Test
    void aPaymentStripeCouldNotStartIsStartedByTheNextRequestWithTheSameKey() {
        UUID ana = UUID.randomUUID();
        var hold = RESERVATION.holdFor(ana);
        STRIPE.failNext(1);

        var down = pay(ana, hold.holdId());
        var retried = pay(ana, hold.holdId());

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.text("code")).isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.text("clientSecret")).isNotNull();
        var calls = STRIPE.requests("/v1/payment_intents", "metadata[holdId]", hold.holdId().toString());
        assertThat(calls).hasSize(2).allSatisfy(call -> assertThat(call.headers())
                .containsEntry("idempotency-key", "payment-" + hold.holdId() + "-1"));
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE hold_id = ?").param(hold.holdId()).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void theCardStepIsStripesOwn() {
        UUID ana = UUID.randomUUID();
        var payment = pay(ana, RESERVATION.holdFor(ana).holdId());

        var confirm = customer(ana).post("/api/v1/payments/" + payment.text("paymentId") + "/confirm",
                Map.of("outcome", "succeeded"));

        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.text("code")).isEqualTo("PROVIDER_NOT_SIMULATED");
    }

    @Test
    void recordedWebhooksTakeAPaymentThroughSuccessAndRefund() {
        UUID ana = UUID.randomUUID();
        var hold = RESERVATION.holdFor(ana);
        String paymentId = pay(ana, hold.holdId()).text("paymentId");
        String intentId = intentOf(paymentId);
        var values = new HashMap<>(Map.of("intentId", intentId, "paymentId", paymentId, "holdId",
                hold.holdId().toString(), "showId", hold.showId().toString()));
        double succeededBefore = counted("ticketing.payments", "outcome", "succeeded", "provider", "stripe");
        double invalidBefore = counted("ticketing.payment.webhooks", "outcome", "invalid_signature");
        double appliedBefore = counted("ticketing.payment.webhooks", "outcome", "applied");
        double requestedBefore = counted("ticketing.refunds", "outcome", "requested");
        double refundedBefore = counted("ticketing.refunds", "outcome", "succeeded");

        String succeeded = StripeFixtures.event("payment_intent.succeeded", values);
        var otherSecret = webhook(succeeded, StripeFixtures.signNow(succeeded));
        assertThat(otherSecret.status()).as("signed with the simulated provider's secret").isEqualTo(400);
        assertThat(webhook(succeeded, sign(succeeded)).status()).isEqualTo(200);
        await().atMost(EVENTUALLY).until(() -> !PAYMENT_EVENTS.events(PaymentSucceeded.class,
                e -> e.paymentId().equals(paymentId)).isEmpty());

        EventProducer.shared().send(new BookingRejected(UUID.randomUUID(), Instant.now(), hold.holdId(), paymentId,
                hold.showId(), ana, hold.seatIds(), hold.amount(), hold.currency(), "SEATS_TAKEN", null));
        await().atMost(EVENTUALLY).until(() -> !STRIPE.requests("/v1/refunds", "payment_intent", intentId).isEmpty());
        var refundCall = STRIPE.requests("/v1/refunds", "payment_intent", intentId).get(0);
        String refundId = jdbc.sql("SELECT id::text FROM refund WHERE payment_id = ?::uuid").param(paymentId)
                .query(String.class).single();
        assertThat(refundCall.form()).containsEntry("amount", "2300").containsEntry("metadata[refundId]", refundId)
                .containsEntry("metadata[paymentId]", paymentId).containsEntry("metadata[reason]", "SEATS_TAKEN");
        assertThat(refundCall.headers()).containsEntry("idempotency-key", "refund-" + refundId);
        await().atMost(EVENTUALLY).until(() -> jdbc.sql("SELECT provider_refund_id FROM refund WHERE id = ?::uuid")
                .param(refundId).query(String.class).optional().isPresent());
        String providerRefundId = jdbc.sql("SELECT provider_refund_id FROM refund WHERE id = ?::uuid").param(refundId)
                .query(String.class).single();
        assertThat(providerRefundId).startsWith("re_3Stub");

        values.put("refundId", refundId);
        values.put("providerRefundId", providerRefundId);
        String chargeRefunded = StripeFixtures.event("charge.refunded", values);
        assertThat(webhook(chargeRefunded, sign(chargeRefunded)).status()).isEqualTo(200);
        assertThat(status(paymentId)).as("charge.refunded is not what refunds are read from").isEqualTo("REFUND_PENDING");
        String refundCreated = StripeFixtures.event("refund.created", values);
        assertThat(webhook(refundCreated, sign(refundCreated)).status()).isEqualTo(200);

        await().atMost(EVENTUALLY).until(() -> !PAYMENT_EVENTS.events(PaymentRefunded.class,
                e -> e.paymentId().equals(paymentId)).isEmpty());
        var refunded = PAYMENT_EVENTS.events(PaymentRefunded.class, e -> e.paymentId().equals(paymentId)).get(0);
        assertThat(refunded.reason()).isEqualTo("SEATS_TAKEN");
        assertThat(refunded.amount()).isEqualByComparingTo("23.00");
        assertThat(status(paymentId)).isEqualTo("REFUNDED");
        assertThat(counted("ticketing.payments", "outcome", "succeeded", "provider", "stripe"))
                .isEqualTo(succeededBefore + 1);
        assertThat(counted("ticketing.payment.webhooks", "outcome", "invalid_signature")).isEqualTo(invalidBefore + 1);
        assertThat(counted("ticketing.payment.webhooks", "outcome", "applied")).isEqualTo(appliedBefore + 3);
        assertThat(counted("ticketing.refunds", "outcome", "requested")).isEqualTo(requestedBefore + 1);
        assertThat(counted("ticketing.refunds", "outcome", "succeeded")).isEqualTo(refundedBefore + 1);
    }

    @Test
    void aRefundStripeReportsFailedIsCountedAndLeftForSomeoneToReturnByHand() {
        UUID ana = UUID.randomUUID();
        var hold = RESERVATION.holdFor(ana);
        String paymentId = pay(ana, hold.holdId()).text("paymentId");
        var values = new HashMap<>(Map.of("intentId", intentOf(paymentId), "paymentId", paymentId, "holdId",
                hold.holdId().toString(), "showId", hold.showId().toString()));
        String succeeded = StripeFixtures.event("payment_intent.succeeded", values);
        assertThat(webhook(succeeded, sign(succeeded)).status()).isEqualTo(200);
        EventProducer.shared().send(new BookingRejected(UUID.randomUUID(), Instant.now(), hold.holdId(), paymentId,
                hold.showId(), ana, hold.seatIds(), hold.amount(), hold.currency(), "SHOW_CANCELLED", null));
        await().atMost(EVENTUALLY).until(() -> jdbc.sql(
                "SELECT count(*) FROM refund WHERE payment_id = ?::uuid AND provider_refund_id IS NOT NULL")
                .param(paymentId).query(Integer.class).single() == 1);
        values.put("refundId", jdbc.sql("SELECT id::text FROM refund WHERE payment_id = ?::uuid").param(paymentId)
                .query(String.class).single());
        values.put("providerRefundId", jdbc.sql("SELECT provider_refund_id FROM refund WHERE payment_id = ?::uuid")
                .param(paymentId).query(String.class).single());
        String created = StripeFixtures.event("refund.created", values);
        String failed = created.replace("\"status\": \"succeeded\"", "\"status\": \"failed\"")
                .replace("\"type\": \"refund.created\"", "\"type\": \"refund.failed\"");
        assertThat(failed).contains("\"type\": \"refund.failed\"", "\"status\": \"failed\"");
        double failedBefore = counted("ticketing.refunds", "outcome", "failed");
        double refundedBefore = counted("ticketing.refunds", "outcome", "succeeded");

        assertThat(webhook(failed, sign(failed)).status()).isEqualTo(200);
        assertThat(webhook(failed, sign(failed)).status()).as("redelivered").isEqualTo(200);

        assertThat(counted("ticketing.refunds", "outcome", "failed")).isEqualTo(failedBefore + 1);
        assertThat(counted("ticketing.refunds", "outcome", "succeeded")).isEqualTo(refundedBefore);
        assertThat(status(paymentId)).isEqualTo("REFUND_PENDING");
        assertThat(jdbc.sql("SELECT status FROM refund WHERE payment_id = ?::uuid").param(paymentId)
                .query(String.class).single()).isEqualTo("FAILED");
    }

    @Test
    void aSucceededIntentWithAnotherAmountOrCurrencyBooksNothing() {
        double failedBefore = counted("ticketing.payments", "outcome", "failed", "provider", "stripe");
        for (String[] altered : new String[][] { { "\"amount_received\": 2300", "\"amount_received\": 1" },
                { "\"currency\": \"eur\"", "\"currency\": \"huf\"" } }) {
            UUID ana = UUID.randomUUID();
            var hold = RESERVATION.holdFor(ana);
            String paymentId = pay(ana, hold.holdId()).text("paymentId");
            var values = new HashMap<>(Map.of("intentId", intentOf(paymentId), "paymentId", paymentId, "holdId",
                    hold.holdId().toString(), "showId", hold.showId().toString()));
            String succeeded = StripeFixtures.event("payment_intent.succeeded", values);
            assertThat(succeeded).contains(altered[0]);
            String forged = succeeded.replace(altered[0], altered[1]);

            assertThat(webhook(forged, sign(forged)).status()).isEqualTo(200);

            await().atMost(EVENTUALLY).until(() -> status(paymentId).equals("FAILED"));
            assertThat(jdbc.sql("SELECT failure_reason FROM payment WHERE id = ?::uuid").param(paymentId)
                    .query(String.class).single()).isEqualTo("amount_mismatch");
            await().atMost(EVENTUALLY).until(() -> !PAYMENT_EVENTS.events(PaymentFailed.class,
                    e -> e.paymentId().equals(paymentId)).isEmpty());
            assertThat(PAYMENT_EVENTS.events(PaymentSucceeded.class, e -> e.paymentId().equals(paymentId))).isEmpty();
        }
        assertThat(counted("ticketing.payments", "outcome", "failed", "provider", "stripe")).isEqualTo(failedBefore + 2);
    }

    private JsonApi customer(UUID customerId) {
        return JsonApi.asGateway("http://127.0.0.1:" + port).withHeader("X-Customer-Id", customerId.toString());
    }

    private JsonApi.Response pay(UUID customerId, UUID holdId) {
        return customer(customerId).request("POST", "/api/v1/holds/" + holdId + "/payment", null, null);
    }

    private JsonApi.Response webhook(String payload, String signature) {
        return JsonApi.asGateway("http://127.0.0.1:" + port).withHeader("Stripe-Signature", signature)
                .request("POST", "/api/v1/payments/webhooks/stripe", "application/json; charset=utf-8", payload);
    }

    private static String sign(String payload) {
        return StripeFixtures.sign(payload, SECRET, Instant.now().getEpochSecond());
    }

    /** A counter of this context, which alone has this database and consumer group. */
    private double counted(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    private String intentOf(String paymentId) {
        return jdbc.sql("SELECT intent_id FROM payment WHERE id = ?::uuid").param(paymentId).query(String.class).single();
    }

    private String status(String paymentId) {
        return jdbc.sql("SELECT status FROM payment WHERE id = ?::uuid").param(paymentId).query(String.class).single();
    }
}
