package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.CLIENT;
import static io.ticketing.systemtests.Platform.mailsTo;
import static io.ticketing.systemtests.Platform.showOnSale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.ticketing.testsupport.JsonApi;

/**
 * A customer signs in on the running platform as a person would: asks for a code, reads it from the mail the local
 * stack's SMTP server received, and sends it back. Signed in on a laptop and a phone, they are one customer: each
 * device sees the holds and the booking made on the other, and the limit of seats per show counts both. Naming the
 * customer straight to a service, past the gateway, gets nothing. Signing out of one device ends that session only.
 */
@Order(3)
class AccountsSystemTest {

    private static final Pattern CODE = Pattern.compile("Subject: Your sign-in code: ([0-9]{6})");

    @Test
    void oneEmailAddressIsOneCustomerOnEveryDeviceUntilSignedOut() throws Exception {
        LocalStackProcess.shared();
        String showId = showOnSale("Paterson", 2, 8, new BigDecimal("9.00"), Duration.ofDays(3));
        String email = "two.devices." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        var laptop = signIn(email, 1);
        var phone = signIn(email, 2);

        assertThat(phone.text("customerId")).isEqualTo(laptop.text("customerId"));
        JsonApi onLaptop = CLIENT.withHeader("Authorization", "Bearer " + laptop.text("token"));
        JsonApi onPhone = CLIENT.withHeader("Authorization", "Bearer " + phone.text("token"));

        String holds = "/api/v1/shows/" + showId + "/holds";
        var six = onLaptop.post(holds, Map.of("seatIds", List.of("A1", "A2", "A3", "A4", "A5", "A6")));
        assertThat(six.status()).as(six.body()).isEqualTo(201);
        var four = onPhone.post(holds, Map.of("seatIds", List.of("B1", "B2", "B3", "B4")));
        assertThat(four.status()).as(four.body()).isEqualTo(201);
        var eleventh = onPhone.post(holds, Map.of("seatIds", List.of("B5")));
        assertThat(eleventh.status()).as("ten seats per customer and show, across both sessions").isEqualTo(422);
        assertThat(eleventh.text("code")).isEqualTo("TOO_MANY_SEATS");
        assertThat(onPhone.get("/api/v1/holds/" + six.text("holdId")).text("status")).as("the laptop's hold")
                .isEqualTo("HELD");

        String paymentId = onLaptop.request("POST", "/api/v1/holds/" + four.text("holdId") + "/payment", null, null)
                .text("paymentId");
        assertThat(onLaptop.post("/api/v1/payments/" + paymentId + "/confirm", Map.of("outcome", "succeeded"))
                .status()).isBetween(200, 299);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> onPhone.get("/api/v1/bookings").json().size() == 1);
        assertThat(onPhone.get("/api/v1/bookings").json().get(0).path("holdId").asString())
                .as("the phone sees the booking paid for on the laptop").isEqualTo(four.text("holdId"));

        String customerId = laptop.text("customerId");
        for (String service : List.of("http://127.0.0.1:8082/api/v1/holds/" + six.text("holdId"),
                "http://127.0.0.1:8083/api/v1/bookings")) {
            var straight = new JsonApi(service).withHeader("X-Customer-Id", customerId).get("");
            assertThat(straight.status()).as("the customer named straight to " + service).isEqualTo(401);
            assertThat(straight.text("code")).isEqualTo("CALLER_UNVERIFIED");
        }

        assertThat(onLaptop.delete("/api/v1/sessions/current").status()).isEqualTo(204);
        var signedOut = onLaptop.get("/api/v1/bookings");
        assertThat(signedOut.status()).isEqualTo(401);
        assertThat(signedOut.text("code")).isEqualTo("SESSION_ENDED");
        assertThat(onPhone.get("/api/v1/bookings").status()).isEqualTo(200);
    }

    /** Signs in with the {@code nth} code mailed to {@code email}. */
    private static JsonApi.Response signIn(String email, int nth) {
        var challenge = CLIENT.post("/api/v1/sessions/challenges", Map.of("email", email));
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(email).size() >= nth);
        Matcher code = CODE.matcher(mailsTo(email).get(nth - 1));
        assertThat(code.find()).as("a code in the mail").isTrue();
        var session = CLIENT.post("/api/v1/sessions", Map.of("challengeId", challenge.text("challengeId"),
                "code", code.group(1)));
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        return session;
    }
}
