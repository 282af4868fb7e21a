package io.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventRecorder;
import io.ticketing.testsupport.Meters;

/**
 * payment-service with its local default, the simulated provider, on real PostgreSQL and Kafka; reservation-service
 * is played by {@link ReservationStub}. The test classes extending this share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SimulatedProviderTests {

    static final ReservationStub RESERVATION = ReservationStub.shared();
    static final String EMAIL = "ana@example.com";
    static final Duration EVENTUALLY = Duration.ofSeconds(20);
    /** Long enough for an event that should not come to have come. */
    static final Duration QUIET = Duration.ofSeconds(2);

    private static final EventRecorder PAYMENT_EVENTS = EventRecorder.of(Topics.PAYMENT_PAYMENT_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "payment", Component.POSTGRES, Component.KAFKA);
        registry.add("ticketing.payment.reservation-url", RESERVATION::url);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A customer's client through the gateway: their id, and the e-mail of their session. */
    JsonApi customer(UUID customerId) {
        return JsonApi.asGateway("http://127.0.0.1:" + port).withHeader("X-Customer-Id", customerId.toString())
                .withHeader("X-Customer-Email", EMAIL);
    }

    JsonApi stripe() {
        return JsonApi.asGateway("http://127.0.0.1:" + port);
    }

    static JsonApi.Response pay(JsonApi customer, UUID holdId) {
        return customer.request("POST", "/api/v1/holds/" + holdId + "/payment", null, null);
    }

    static JsonApi.Response confirm(JsonApi customer, String paymentId, String outcome) {
        return customer.post("/api/v1/payments/" + paymentId + "/confirm", Map.of("outcome", outcome));
    }

    JsonApi.Response webhook(String payload, String signature) {
        var client = signature == null ? stripe() : stripe().withHeader("Stripe-Signature", signature);
        return client.request("POST", "/api/v1/payments/webhooks/stripe", "application/json; charset=utf-8", payload);
    }

    /** A hold of the customer's with a payment waiting for the card. */
    Pending pending(UUID customerId) {
        var hold = RESERVATION.holdFor(customerId);
        var payment = pay(customer(customerId), hold.holdId());
        assertThat(payment.status()).as(payment.body()).isEqualTo(201);
        return new Pending(hold, payment.text("paymentId"), intentOf(payment.text("paymentId")));
    }

    /** A payment that succeeded (through the simulated card step and its webhook). */
    Pending paid(UUID customerId) {
        Pending pending = pending(customerId);
        assertThat(confirm(customer(customerId), pending.paymentId(), "succeeded").status()).isEqualTo(202);
        await().atMost(EVENTUALLY).until(() -> status(pending.paymentId()).equals("SUCCEEDED"));
        return pending;
    }

    record Pending(ReservationStub.Hold hold, String paymentId, String intentId) {

        /** The values of the recorded webhooks' placeholders for this payment. */
        Map<String, String> fixture() {
            return Map.of("intentId", intentId, "paymentId", paymentId, "holdId", hold.holdId().toString(), "showId",
                    hold.showId().toString());
        }
    }

    String status(String paymentId) {
        return jdbc.sql("SELECT status FROM payment WHERE id = ?::uuid").param(paymentId).query(String.class).single();
    }

    String intentOf(String paymentId) {
        return jdbc.sql("SELECT intent_id FROM payment WHERE id = ?::uuid").param(paymentId).query(String.class).single();
    }

    int paymentsOfHold(UUID holdId) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE hold_id = ?").param(holdId).query(Integer.class).single();
    }

    /** The payment events on Kafka of a type that match. */
    static <T extends IntegrationEvent> List<T> events(Class<T> type, Predicate<T> matching) {
        return PAYMENT_EVENTS.events(type, matching);
    }

    /**
     * A counter's count so far, by any context sharing this database (another may have handled a webhook or sent a
     * refund): {@code tags} as name, value, name, value ...
     */
    static double counted(String name, String... tags) {
        return Meters.count(name, tags);
    }

    static void quietly() {
        try {
            Thread.sleep(QUIET);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
