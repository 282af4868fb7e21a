package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.ADMIN;
import static io.ticketing.systemtests.Platform.CLIENT;
import static io.ticketing.systemtests.Platform.customer;
import static io.ticketing.systemtests.Platform.redis;
import static io.ticketing.systemtests.Platform.showOnSale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.ticketing.events.payment.PaymentSucceeded;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.events.EventProducer;
import tools.jackson.databind.JsonNode;

/**
 * Holds become bookings on the running platform, through the gateway: a paid hold is sold (payment-service is
 * played by the test, which sends the PaymentSucceeded event that payment-service will send), the seat map
 * follows, a late payment for a seat sold meanwhile is turned away, and when Redis loses everything the seat map
 * comes back from booking-service and the hold records: sold stays sold, held stays held, nothing sells twice.
 */
@Order(3)
class SalesSystemTest {

    private static EventProducer payments;
    private static String showId;

    @BeforeAll
    static void aShowOnSale() throws Exception {
        LocalStackProcess.shared();
        payments = new EventProducer("127.0.0.1:19092");
        showId = showOnSale("Dune", 2, 5, new BigDecimal("12.50"), Duration.ofDays(3));
    }

    @AfterAll
    static void closeProducer() {
        payments.close();
    }

    @Test
    void aPaidHoldIsSoldAndSurvivesRedisLosingEverything() throws Exception {
        JsonApi ana = customer("ana@example.com");
        JsonApi ben = customer("ben@example.com");
        var anasHold = ana.post(holds(), Map.of("seatIds", List.of("A1", "A2")));
        assertThat(anasHold.status()).as(anasHold.body()).isEqualTo(201);
        String anasHoldId = anasHold.text("holdId");

        payments.send(paid(anasHoldId, "pi_ana"));

        await().atMost(Duration.ofSeconds(30)).until(() -> ana.get("/api/v1/holds/" + anasHoldId).text("status")
                .equals("CONFIRMED"));
        String bookingId = ana.get("/api/v1/holds/" + anasHoldId).text("bookingId");
        var booking = ana.get("/api/v1/bookings/" + bookingId);
        assertThat(booking.status()).as(booking.body()).isEqualTo(200);
        assertThat(booking.text("status")).isEqualTo("CONFIRMED");
        assertThat(booking.json().path("amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(ana.get("/api/v1/bookings").json().get(0).path("bookingId").asString()).isEqualTo(bookingId);
        assertThat(ben.get("/api/v1/bookings/" + bookingId).status()).isEqualTo(404);
        assertThat(status("A1")).isEqualTo("SOLD");

        var bensHold = ben.post(holds(), Map.of("seatIds", List.of("B1", "B2")));
        assertThat(bensHold.status()).isEqualTo(201);
        assertThat(ADMIN.post("/api/v1/admin/shows/" + showId + "/blocked-seats", Map.of("seatIds", List.of("B5")))
                .status()).isEqualTo(200);

        // everything Redis held is gone, as after a restart without persistence (the local stack's keeps a file)
        assertThat(redis("FLUSHALL")).isEqualTo("OK");

        // the first look at the show rebuilds its seat map from booking-service and the hold records
        assertThat(status("A1")).isEqualTo("SOLD");
        assertThat(status("B1")).isEqualTo("HELD");
        assertThat(status("B5")).isEqualTo("BLOCKED");
        assertThat(status("A3")).isEqualTo("AVAILABLE");
        assertThat(customer("cleo@example.com").post(holds(), Map.of("seatIds", List.of("A2"))).text("code"))
                .isEqualTo("SEATS_UNAVAILABLE");
        assertThat(customer("cleo@example.com").post(holds(), Map.of("seatIds", List.of("B2"))).text("code"))
                .isEqualTo("SEATS_HELD");
        assertThat(ben.get("/api/v1/holds/" + bensHold.text("holdId")).text("status")).isEqualTo("HELD");

        // a lapsed hold's payment for A1 arrives late: A1 is sold, the payment is turned away (for a refund)
        payments.send(new PaymentSucceeded(UUID.randomUUID(), Instant.now(), "pi_late", UUID.randomUUID(),
                UUID.fromString(showId), UUID.randomUUID(), List.of("A1"), 1, new BigDecimal("12.50"), "EUR", null));
        payments.send(paid(bensHold.text("holdId"), "pi_ben"));

        await().atMost(Duration.ofSeconds(30)).until(() -> status("B2").equals("SOLD"));
        await().atMost(Duration.ofSeconds(30)).until(() -> rejection("pi_late").equals("SEATS_TAKEN"));
        JsonNode sales = ADMIN.get("/api/v1/admin/shows/" + showId + "/sales").json();
        assertThat(sales.path("seats").path("SOLD").asInt()).isEqualTo(4);
        assertThat(sales.path("seats").path("BLOCKED").asInt()).isEqualTo(1);
        assertThat(tally(sales, "CONFIRMED").path("seats").asInt()).as("every sold seat is in a confirmed booking").isEqualTo(4);

        var cancelled = ana.post("/api/v1/bookings/" + bookingId + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("refundAmount").decimalValue()).isEqualByComparingTo("25.00");
        JsonNode refunded = tally(ADMIN.get("/api/v1/admin/shows/" + showId + "/sales").json(), "CANCELLED");
        assertThat(refunded.path("bookings").asInt()).isEqualTo(1);
        assertThat(refunded.path("refunded").decimalValue()).isEqualByComparingTo("25.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> status("A1").equals("AVAILABLE"));
    }

    /** The sales report's line of the bookings in this status (one currency here). */
    private static JsonNode tally(JsonNode sales, String status) {
        return sales.path("bookings").valueStream().filter(line -> line.path("status").asString().equals(status))
                .findFirst().orElseThrow(() -> new AssertionError("no " + status + " bookings in " + sales));
    }

    private static PaymentSucceeded paid(String holdId, String paymentId) throws SQLException {
        try (var db = Platform.database("reservation");
                var query = db.prepareStatement("""
                        SELECT customer_id, seat_ids, fencing_token, amount, currency FROM hold WHERE id = ?""")) {
            query.setObject(1, UUID.fromString(holdId));
            try (var hold = query.executeQuery()) {
                assertThat(hold.next()).isTrue();
                return new PaymentSucceeded(UUID.randomUUID(), Instant.now(), paymentId, UUID.fromString(holdId),
                        UUID.fromString(showId), hold.getObject("customer_id", UUID.class),
                        List.of((String[]) hold.getArray("seat_ids").getArray()), hold.getLong("fencing_token"),
                        hold.getBigDecimal("amount"), hold.getString("currency"), null);
            }
        }
    }

    private static String rejection(String paymentId) throws SQLException {
        try (var db = Platform.database("booking");
                var query = db.prepareStatement("SELECT reason FROM rejected_payment WHERE payment_id = ?")) {
            query.setString(1, paymentId);
            try (var rejected = query.executeQuery()) {
                return rejected.next() ? rejected.getString(1) : "";
            }
        }
    }

    private static String status(String seatId) {
        var seatMap = CLIENT.get("/api/v1/shows/" + showId + "/seats");
        assertThat(seatMap.status()).as(seatMap.body()).isEqualTo(200);
        for (JsonNode row : seatMap.json().path("rows")) {
            for (JsonNode seat : row.path("seats")) {
                if (seat.path("seatId").asString().equals(seatId)) {
                    return seat.path("status").asString();
                }
            }
        }
        throw new AssertionError("No seat " + seatId);
    }

    private static String holds() {
        return "/api/v1/shows/" + showId + "/holds";
    }
}
