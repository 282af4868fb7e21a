package io.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.ticketing.events.payment.PaymentFailed;
import io.ticketing.events.payment.PaymentSucceeded;
import io.ticketing.testsupport.JsonApi;

/**
 * Paying for a hold with the simulated provider: the amount is the hold's, the hold becomes PAYMENT_PENDING, one
 * open payment per hold, and the card step answered by the provider's signed webhook as a payment event on Kafka.
 */
class PaymentsIntegrationTest extends SimulatedProviderTests {

    @Test
    void chargesWhatReservationPricedAndMarksTheHoldPaymentPending() {
        UUID ana = UUID.randomUUID();
        var hold = RESERVATION.holdFor(ana);

        var payment = pay(customer(ana), hold.holdId());

        assertThat(payment.status()).as(payment.body()).isEqualTo(201);
        assertThat(payment.json().path("amount").decimalValue()).isEqualByComparingTo("23.00");
        assertThat(payment.text("currency")).isEqualTo("EUR");
        assertThat(payment.text("provider")).isEqualTo("simulated");
        assertThat(payment.text("status")).isEqualTo("PENDING");
        assertThat(payment.text("clientSecret")).matches("pi_sim_[0-9a-f]{24}_secret_[0-9a-f]{24}");
        assertThat(payment.json().has("customerId")).isFalse();
        String paymentId = payment.text("paymentId");
        assertThat(UUID.fromString(paymentId)).isNotNull();
        assertThat(RESERVATION.hold(hold.holdId()).status()).isEqualTo("PAYMENT_PENDING");
        assertThat(intentOf(paymentId)).isEqualTo(payment.text("clientSecret").substring(0, 31));
        assertThat(jdbc.sql("SELECT customer_email || ' ' || fencing_token FROM payment WHERE id = ?::uuid")
                .param(paymentId).query(String.class).single()).isEqualTo(EMAIL + " " + hold.fencingToken());

        assertThat(customer(ana).get("/api/v1/payments/" + paymentId).text("paymentId")).isEqualTo(paymentId);
        var notYours = customer(UUID.randomUUID()).get("/api/v1/payments/" + paymentId);
        assertThat(notYours.status()).isEqualTo(404);
        assertThat(notYours.text("code")).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void refusesAPriceFromTheClientAndWritesNothing() {
        UUID ana = UUID.randomUUID();
        var hold = RESERVATION.holdFor(ana);
        String path = "/api/v1/holds/" + hold.holdId() + "/payment";

        for (String body : List.of("{\"amount\":1}", "{\"amount\":1,\"currency\":\"EUR\"}", "{\"seatIds\":[\"A1\"]}",
                "[]", "{")) {
            var refused = customer(ana).postRaw(path, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.text("code")).isNotBlank();
        }

        assertThat(paymentsOfHold(hold.holdId())).isZero();
        assertThat(RESERVATION.paymentPendingCalls(hold.holdId())).isZero();
        assertThat(customer(ana).postRaw(path, "{}").status()).as("an empty object asks for nothing").isEqualTo(201);
    }

    @Test
    void someoneElsesOrAnUnknownHoldIsNotFound() {
        var hold = RESERVATION.holdFor(UUID.randomUUID());

        var notYours = pay(customer(UUID.randomUUID()), hold.holdId());
        var unknown = pay(customer(UUID.randomUUID()), UUID.randomUUID());

        assertThat(notYours.status()).isEqualTo(404);
        assertThat(notYours.text("code")).isEqualTo("HOLD_NOT_FOUND");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("HOLD_NOT_FOUND");
        assertThat(paymentsOfHold(hold.holdId())).isZero();
        assertThat(RESERVATION.paymentPendingCalls(hold.holdId())).isZero();
        assertThat(customer(UUID.randomUUID()).request("POST", "/api/v1/holds/" + hold.holdId() + "/payment", null,
                null).status()).isEqualTo(404);
        assertThat(JsonApi.asGateway("http://127.0.0.1:" + port).request("POST",
                "/api/v1/holds/" + hold.holdId() + "/payment", null, null).text("code")).isEqualTo("SESSION_REQUIRED");
    }

    @Test
    void aLapsedOrEndedHoldCannotBePaid() {
        UUID ana = UUID.randomUUID();
        var lapsed = RESERVATION.put(RESERVATION.holdFor(ana).expiringAt(Instant.now().minusSeconds(1)));
        var sold = RESERVATION.put(RESERVATION.holdFor(ana).withStatus("CONFIRMED"));
        var released = RESERVATION.put(RESERVATION.holdFor(ana).withStatus("RELEASED"));

        for (var hold : List.of(lapsed, sold, released)) {
            var refused = pay(customer(ana), hold.holdId());
            assertThat(refused.status()).as(hold.status()).isEqualTo(409);
            assertThat(refused.text("code")).isEqualTo("HOLD_NOT_ACTIVE");
            assertThat(paymentsOfHold(hold.holdId())).isZero();
            assertThat(RESERVATION.paymentPendingCalls(hold.holdId())).isZero();
        }
    }

    @Test
    void theOpenPaymentIsAnsweredAgainWithoutASecondIntent() {
        UUID ana = UUID.randomUUID();
        var hold = RESERVATION.holdFor(ana);

        var first = pay(customer(ana), hold.holdId());
        var again = pay(customer(ana), hold.holdId());

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("paymentId")).isEqualTo(first.text("paymentId"));
        assertThat(again.text("clientSecret")).isEqualTo(first.text("clientSecret"));
        assertThat(paymentsOfHold(hold.holdId())).isEqualTo(1);
    }

    @Test
    void customersPressingPayManyTimesAtOnceGetOnePayment() {
        UUID ana = UUID.randomUUID();
        var hold = RESERVATION.holdFor(ana);

        List<JsonApi.Response> responses;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var presses = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> pay(customer(ana), hold.holdId()), threads))
                    .toList();
            responses = presses.stream().map(CompletableFuture::join).toList();
        }

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.body()).isIn(200, 201));
        assertThat(responses.stream().filter(response -> response.status() == 201)).hasSize(1);
        Set<String> secrets = responses.stream().map(response -> response.text("clientSecret")).collect(Collectors.toSet());
        assertThat(secrets).hasSize(1);
        assertThat(paymentsOfHold(hold.holdId())).isEqualTo(1);
    }

    @Test
    void aConfirmedCardSucceedsThroughTheSignedWebhookOnce() {
        UUID ana = UUID.randomUUID();
        Pending pending = pending(ana);

        var confirmed = confirm(customer(ana), pending.paymentId(), "succeeded");

        assertThat(confirmed.status()).isEqualTo(202);
        assertThat(confirmed.text("status")).as("the webhook tells, a moment later").isEqualTo("PENDING");
        await().atMost(EVENTUALLY).until(() -> !events(PaymentSucceeded.class,
                event -> event.paymentId().equals(pending.paymentId())).isEmpty());
        PaymentSucceeded succeeded = events(PaymentSucceeded.class, e -> e.paymentId().equals(pending.paymentId())).get(0);
        var hold = pending.hold();
        assertThat(succeeded.holdId()).isEqualTo(hold.holdId());
        assertThat(succeeded.showId()).isEqualTo(hold.showId());
        assertThat(succeeded.customerId()).isEqualTo(ana);
        assertThat(succeeded.seatIds()).containsExactly("A1", "A2");
        assertThat(succeeded.fencingToken()).isEqualTo(hold.fencingToken());
        assertThat(succeeded.amount()).isEqualByComparingTo("23.00");
        assertThat(succeeded.currency()).isEqualTo("EUR");
        assertThat(succeeded.customerEmail()).isEqualTo(EMAIL);
        assertThat(customer(ana).get("/api/v1/payments/" + pending.paymentId()).text("status")).isEqualTo("SUCCEEDED");

        var again = confirm(customer(ana), pending.paymentId(), "succeeded");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("PAYMENT_NOT_OPEN");
        assertThat(pay(customer(ana), hold.holdId()).text("paymentId")).as("paid: answered again")
                .isEqualTo(pending.paymentId());
        quietly();
        assertThat(events(PaymentSucceeded.class, e -> e.holdId().equals(hold.holdId()))).hasSize(1);
    }

    @Test
    void aDeclinedCardFailsThePaymentAndTheCustomerMayPayAgain() {
        UUID ana = UUID.randomUUID();
        Pending pending = pending(ana);

        assertThat(confirm(customer(ana), pending.paymentId(), "failed").status()).isEqualTo(202);

        await().atMost(EVENTUALLY).until(() -> !events(PaymentFailed.class,
                event -> event.paymentId().equals(pending.paymentId())).isEmpty());
        PaymentFailed failed = events(PaymentFailed.class, e -> e.paymentId().equals(pending.paymentId())).get(0);
        assertThat(failed.reason()).isEqualTo("card_declined");
        assertThat(failed.holdId()).isEqualTo(pending.hold().holdId());
        assertThat(failed.customerEmail()).isEqualTo(EMAIL);
        var read = customer(ana).get("/api/v1/payments/" + pending.paymentId());
        assertThat(read.text("status")).isEqualTo("FAILED");
        assertThat(read.text("failureReason")).isEqualTo("card_declined");

        var second = pay(customer(ana), pending.hold().holdId());
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("paymentId")).isNotEqualTo(pending.paymentId());
        assertThat(intentOf(second.text("paymentId"))).isNotEqualTo(pending.intentId());
        assertThat(paymentsOfHold(pending.hold().holdId())).isEqualTo(2);
        assertThat(events(PaymentSucceeded.class, e -> e.holdId().equals(pending.hold().holdId()))).isEmpty();
    }

    @Test
    void confirmRefusesBadInputAndChangesNothing() {
        UUID ana = UUID.randomUUID();
        Pending pending = pending(ana);
        String path = "/api/v1/payments/" + pending.paymentId() + "/confirm";

        var unknownOutcome = confirm(customer(ana), pending.paymentId(), "maybe");
        assertThat(unknownOutcome.status()).isEqualTo(422);
        assertThat(unknownOutcome.text("code")).isEqualTo("INVALID_OUTCOME");
        for (String body : List.of("{\"outcome\":1}", "{\"outcome\":true}", "{", "{}", "{\"outcome\":null}",
                "{\"outcome\":\"succeeded\",\"amount\":1}", "\"succeeded\"")) {
            var refused = customer(ana).postRaw(path, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.isProblem()).as(body).isTrue();
            assertThat(refused.text("code")).as(body).isNotBlank();
        }
        var plainText = customer(ana).request("POST", path, "text/plain", "succeeded");
        assertThat(plainText.status()).isEqualTo(415);
        assertThat(plainText.text("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        var notYours = confirm(customer(UUID.randomUUID()), pending.paymentId(), "succeeded");
        assertThat(notYours.status()).isEqualTo(404);
        assertThat(notYours.text("code")).isEqualTo("PAYMENT_NOT_FOUND");
        var notAnId = confirm(customer(ana), "not-a-payment", "succeeded");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.text("code")).isEqualTo("INVALID_PARAMETER");

        quietly();
        assertThat(status(pending.paymentId())).isEqualTo("PENDING");
        assertThat(events(PaymentSucceeded.class, e -> e.paymentId().equals(pending.paymentId()))).isEmpty();
        assertThat(events(PaymentFailed.class, e -> e.paymentId().equals(pending.paymentId()))).isEmpty();
    }
}
