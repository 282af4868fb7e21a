package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.mailsTo;
import static io.ticketing.systemtests.Platform.session;
import static io.ticketing.systemtests.Platform.showOnSale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.ticketing.testsupport.JsonApi;
import tools.jackson.databind.JsonNode;

/**
 * Buying tickets on the running platform, through the gateway, with the simulated payment provider (which sends
 * Stripe-signed webhooks to payment-service like Stripe would): hold, pay, a failed card that frees nothing, the
 * booking with its signed e-tickets, the e-mail with the tickets attached (the local stack's SMTP server keeps it in
 * {@code .local/mail}), the PDF, a cancellation refunded in full; and payments that arrive after their hold lapsed:
 * confirmed while the seats are still free, refunded once someone else took them.
 */
@Order(3)
class PurchaseSystemTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String showId;

    @BeforeAll
    static void aShowOnSale() throws Exception {
        LocalStackProcess.shared();
        showId = showOnSale("Amélie", 2, 6, new BigDecimal("12.50"), Duration.ofDays(6));
    }

    @Test
    void aCustomerPaysGetsSignedTicketsByMailAndAsPdfAndCancelsForAFullRefund() throws Exception {
        String email = "buyer." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var buyer = session(email);
        var customer = buyer.api();
        String holdId = hold(customer, "A1", "A2");

        var tampered = customer.post("/api/v1/holds/" + holdId + "/payment", Map.of("amount", 1));
        assertThat(tampered.status()).as("the amount is the server's, never the client's").isEqualTo(400);

        var declined = pay(customer, holdId);
        assertThat(declined.json().path("amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(declined.text("provider")).isEqualTo("simulated");
        assertThat(declined.text("clientSecret")).isNotBlank();
        assertThat(holdStatus(customer, holdId)).isEqualTo("PAYMENT_PENDING");
        confirm(customer, declined.text("paymentId"), "failed");
        await().atMost(Duration.ofSeconds(30)).until(() -> holdStatus(customer, holdId).equals("HELD"));
        assertThat(seatStatus("A1")).as("a failed payment frees nothing").isEqualTo("HELD");

        var paid = pay(customer, holdId);
        assertThat(paid.text("paymentId")).isNotEqualTo(declined.text("paymentId"));
        long paidAt = System.nanoTime();
        confirm(customer, paid.text("paymentId"), "succeeded");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> holdStatus(customer, holdId).equals("CONFIRMED"));
        long confirmedAt = System.nanoTime();
        String bookingId = customer.get("/api/v1/holds/" + holdId).text("bookingId");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> customer.get("/api/v1/bookings/" + bookingId).json().path("tickets").size() == 2);
        long ticketsAt = System.nanoTime();
        JsonNode booking = customer.get("/api/v1/bookings/" + bookingId).json();
        assertThat(booking.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(booking.path("amount").decimalValue()).isEqualByComparingTo("25.00");
        String code = booking.path("tickets").get(0).path("qrCode").asString();
        var verified = customer.post("/api/v1/tickets/verify", Map.of("code", code));
        assertThat(verified.json().path("valid").asBoolean()).as(verified.body()).isTrue();
        assertThat(verified.text("bookingId")).isEqualTo(bookingId);
        var forged = customer.post("/api/v1/tickets/verify", Map.of("code", code.substring(0, code.length() - 2) + "xx"));
        assertThat(forged.json().path("valid").asBoolean()).isFalse();

        HttpResponse<byte[]> pdf = pdf(bookingId, buyer.token());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(pdf(bookingId, session("someone.else@example.com").token()).statusCode())
                .isEqualTo(404);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> mailsTo(email).size() == 1);
        System.out.printf("After the card step: hold CONFIRMED in %d ms, tickets on the booking in %d ms, the e-mail "
                + "with the tickets received in %d ms%n", (confirmedAt - paidAt) / 1_000_000,
                (ticketsAt - paidAt) / 1_000_000, (System.nanoTime() - paidAt) / 1_000_000);
        assertThat(mailsTo(email).getFirst()).contains("application/pdf");

        var cancelled = customer.post("/api/v1/bookings/" + bookingId + "/cancel", "");
        assertThat(cancelled.json().path("refundAmount").decimalValue()).isEqualByComparingTo("25.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> seatStatus("A1").equals("AVAILABLE"));
        // the cancellation and the refund the provider confirmed are told, each once: one mail recorded per fact (a
        // fact told again finds its mail), each sent, and nothing left to send
        await().atMost(Duration.ofSeconds(30)).until(() -> mailRecords(email).equals(List.of(3, 3)));
        assertThat(mailsTo(email)).hasSize(3);
    }

    @Test
    void aPaymentThatLandsAfterItsHoldLapsedIsConfirmedWhileTheSeatsAreFreeAndRefundedOnceTheyAreTaken()
            throws Exception {
        String anasEmail = "late.ana." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var ana = session(anasEmail).api();
        var cleo = session("late.cleo@example.com").api();
        String anasHold = hold(ana, "B1");
        String cleosHold = hold(cleo, "B3");
        String anasPayment = pay(ana, anasHold).text("paymentId");
        String cleosPayment = pay(cleo, cleosHold).text("paymentId");

        // both holds run out while their payments are under way; someone else takes Ana's seat meanwhile
        expire(anasHold);
        expire(cleosHold);
        await().atMost(Duration.ofSeconds(30)).until(() -> holdStatus(ana, anasHold).equals("EXPIRED")
                && holdStatus(cleo, cleosHold).equals("EXPIRED"));
        var ben = session("late.ben@example.com").api();
        String bensHold = hold(ben, "B1");
        // booking-service judges a late payment by the newest hold it has heard of on each seat (ADR 7: event lag can
        // let a lapsed hold win against a newer one whose SeatsHeld has not arrived yet); Ana pays once it has heard
        // of Ben's, as any payment later than one Kafka hop would
        long bensToken = fencingToken(bensHold);
        await().atMost(Duration.ofSeconds(30)).until(() -> bookingFence("B1") >= bensToken);

        confirm(ana, anasPayment, "succeeded");
        confirm(cleo, cleosPayment, "succeeded");

        await().atMost(Duration.ofSeconds(30)).until(() -> holdStatus(cleo, cleosHold).equals("CONFIRMED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> holdStatus(ana, anasHold).equals("REFUNDED"));
        assertThat(holdStatus(ben, bensHold)).isEqualTo("HELD");
        assertThat(ana.get("/api/v1/bookings").json().size()).as("no booking for Ana").isZero();
        // Ana is told why her money went back
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(anasEmail).size() == 1);
        assertThat(mailsTo(anasEmail).getFirst()).containsIgnoringCase("refund");
    }

    private static String hold(JsonApi customer, String... seats) {
        var hold = customer.post("/api/v1/shows/" + showId + "/holds", Map.of("seatIds", List.of(seats)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        return hold.text("holdId");
    }

    private static JsonApi.Response pay(JsonApi customer, String holdId) {
        var payment = customer.request("POST", "/api/v1/holds/" + holdId + "/payment", null, null);
        assertThat(payment.status()).as(payment.body()).isIn(200, 201);
        return payment;
    }

    /** The customer's card step, which the simulated provider stands in for. */
    private static void confirm(JsonApi customer, String paymentId, String outcome) {
        var confirmed = customer.post("/api/v1/payments/" + paymentId + "/confirm", Map.of("outcome", outcome));
        assertThat(confirmed.status()).as(confirmed.body()).isBetween(200, 299);
    }

    private static String holdStatus(JsonApi customer, String holdId) {
        return customer.get("/api/v1/holds/" + holdId).text("status");
    }

    /** The hold's time runs out now: its lease key in Redis ends, as at the end of the hold time. */
    private static void expire(String holdId) throws IOException {
        Platform.endLease(showId, holdId);
    }

    /** The mails notification-service recorded for the address, and how many of them it has sent. */
    private static List<Integer> mailRecords(String email) throws SQLException {
        try (var db = Platform.database("notification"); var query = db.prepareStatement(
                "SELECT count(*), count(*) FILTER (WHERE status = 'SENT') FROM mail WHERE recipient = ?")) {
            query.setString(1, email);
            try (var mails = query.executeQuery()) {
                assertThat(mails.next()).isTrue();
                return List.of(mails.getInt(1), mails.getInt(2));
            }
        }
    }

    private static long fencingToken(String holdId) throws SQLException {
        try (var db = Platform.database("reservation");
                var query = db.prepareStatement("SELECT fencing_token FROM hold WHERE id = ?")) {
            query.setObject(1, UUID.fromString(holdId));
            try (var hold = query.executeQuery()) {
                assertThat(hold.next()).isTrue();
                return hold.getLong(1);
            }
        }
    }

    /** The newest hold's token booking-service knows of on the seat. */
    private static long bookingFence(String seatId) throws SQLException {
        try (var db = Platform.database("booking");
                var query = db.prepareStatement("SELECT fence FROM show_seat WHERE show_id = ? AND seat_id = ?")) {
            query.setObject(1, UUID.fromString(showId));
            query.setString(2, seatId);
            try (var seat = query.executeQuery()) {
                return seat.next() ? seat.getLong(1) : 0;
            }
        }
    }

    private static String seatStatus(String seatId) {
        for (JsonNode row : Platform.CLIENT.get("/api/v1/shows/" + showId + "/seats").json().path("rows")) {
            for (JsonNode seat : row.path("seats")) {
                if (seat.path("seatId").asString().equals(seatId)) {
                    return seat.path("status").asString();
                }
            }
        }
        throw new AssertionError("no seat " + seatId);
    }

    private static HttpResponse<byte[]> pdf(String bookingId, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(LocalStackProcess.GATEWAY + "/api/v1/bookings/" + bookingId
                + "/tickets.pdf")).header("X-API-Key", "local-client-key").header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
