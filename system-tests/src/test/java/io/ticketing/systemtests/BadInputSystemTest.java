package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.ADMIN;
import static io.ticketing.systemtests.Platform.created;
import static io.ticketing.systemtests.Platform.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.ticketing.systemtests.badinput.BadInput;
import io.ticketing.systemtests.badinput.Endpoint;
import io.ticketing.systemtests.badinput.Endpoint.Key;

/**
 * Throws malformed requests — derived from a valid one per endpoint — at every public endpoint through the
 * gateway, and asserts that each gets a 4xx problem+json with a code and that no database changed.
 * A new endpoint joins with one line in {@link #endpoints()}.
 */
@Order(5)
class BadInputSystemTest {

    private static String cityId;
    private static String cinemaId;
    private static String hallId;
    private static String movieId;
    private static String showId;
    private static String holdId;

    @BeforeAll
    static void validFixtures() throws Exception {
        LocalStackProcess.shared();
        String tag = Long.toString(System.nanoTime(), 36);
        cityId = created(ADMIN.post("/api/v1/admin/cities", city("Badinput " + tag)));
        cinemaId = created(ADMIN.post("/api/v1/admin/cinemas", cinema()));
        hallId = created(ADMIN.post("/api/v1/admin/cinemas/" + cinemaId + "/halls", hall("Hall " + tag)));
        movieId = created(ADMIN.post("/api/v1/admin/movies", movie()));
        showId = created(ADMIN.post("/api/v1/admin/shows", show(Instant.now().plus(20, ChronoUnit.DAYS))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ADMIN.get("/api/v1/admin/shows/" + showId + "/sales").status() == 200
                        && ADMIN.get("/api/v1/shows/" + showId + "/seats").status() == 200);
        var hold = customer("holder@example.com").post("/api/v1/shows/" + showId + "/holds", Map.of("seatIds", List.of("B1")));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        holdId = hold.text("holdId");
    }

    /**
     * No booking, waiting-list entry, payment, ticket or sign-in challenge is made here: their paths are probed with ids of the
     * right shape.
     */
    private static final String NO_BOOKING = UUID.randomUUID().toString();
    private static final String NO_ENTRY = UUID.randomUUID().toString();
    private static final String NO_PAYMENT = UUID.randomUUID().toString();
    private static final String NO_DEAD_LETTER = UUID.randomUUID().toString();
    private static final String NO_CHALLENGE = UUID.randomUUID().toString();
    private static final String NO_TICKET = UUID.randomUUID().toString();

    /** Every public endpoint that exists, with a valid request to derive the broken ones from. */
    private static List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/api/v1/sessions/challenges", Key.CLIENT, Map.of("email", "bad-input@example.com")),
                Endpoint.post("/api/v1/sessions", Key.CLIENT, Map.of("challengeId", NO_CHALLENGE, "code", "123456")),
                Endpoint.delete("/api/v1/sessions/current", Key.CUSTOMER),
                Endpoint.post("/api/v1/admin/sessions", Key.ADMIN, Map.of("email", "bad-input@example.com")),
                Endpoint.get("/api/v1/cities", Key.CLIENT),
                Endpoint.get("/api/v1/cities/{cityId}/movies", Key.CLIENT).with("cityId", cityId),
                Endpoint.get("/api/v1/cities/{cityId}/movies/{movieId}/shows", Key.CLIENT).with("cityId", cityId)
                        .with("movieId", movieId),
                Endpoint.get("/api/v1/cinemas/{cinemaId}", Key.CLIENT).with("cinemaId", cinemaId),
                Endpoint.get("/api/v1/movies/{movieId}", Key.CLIENT).with("movieId", movieId),
                Endpoint.get("/api/v1/shows/{showId}", Key.CLIENT).with("showId", showId),
                Endpoint.get("/api/v1/shows/{showId}/seats", Key.CLIENT).with("showId", showId),
                Endpoint.get("/api/v1/admin/shows/{showId}", Key.ADMIN).with("showId", showId),
                Endpoint.get("/api/v1/admin/shows/{showId}/sales", Key.ADMIN).with("showId", showId),
                Endpoint.post("/api/v1/admin/cities", Key.ADMIN, city("Never Created")),
                Endpoint.post("/api/v1/admin/cinemas", Key.ADMIN, cinema()),
                Endpoint.post("/api/v1/admin/cinemas/{cinemaId}/halls", Key.ADMIN, hall("Never Created"))
                        .with("cinemaId", cinemaId),
                Endpoint.post("/api/v1/admin/movies", Key.ADMIN, movie()).optional("/rating", "/cast"),
                Endpoint.post("/api/v1/admin/shows", Key.ADMIN, show(Instant.now().plus(30, ChronoUnit.DAYS))),
                Endpoint.get("/api/v1/admin/cities/{cityId}", Key.ADMIN).with("cityId", cityId),
                Endpoint.put("/api/v1/admin/cities/{cityId}", Key.ADMIN, city("Badinput Renamed"))
                        .with("cityId", cityId),
                Endpoint.delete("/api/v1/admin/cities/{cityId}", Key.ADMIN).with("cityId", cityId),
                Endpoint.get("/api/v1/admin/cities/{cityId}/cinemas", Key.ADMIN).with("cityId", cityId),
                Endpoint.get("/api/v1/admin/cinemas/{cinemaId}", Key.ADMIN).with("cinemaId", cinemaId),
                Endpoint.put("/api/v1/admin/cinemas/{cinemaId}", Key.ADMIN, cinema()).with("cinemaId", cinemaId),
                Endpoint.delete("/api/v1/admin/cinemas/{cinemaId}", Key.ADMIN).with("cinemaId", cinemaId),
                Endpoint.get("/api/v1/admin/cinemas/{cinemaId}/halls", Key.ADMIN).with("cinemaId", cinemaId),
                Endpoint.get("/api/v1/admin/halls/{hallId}", Key.ADMIN).with("hallId", hallId),
                Endpoint.put("/api/v1/admin/halls/{hallId}", Key.ADMIN, hall("Renamed")).with("hallId", hallId),
                Endpoint.delete("/api/v1/admin/halls/{hallId}", Key.ADMIN).with("hallId", hallId),
                Endpoint.get("/api/v1/admin/halls/{hallId}/shows", Key.ADMIN).with("hallId", hallId),
                Endpoint.get("/api/v1/admin/movies", Key.ADMIN),
                Endpoint.get("/api/v1/admin/movies/{movieId}", Key.ADMIN).with("movieId", movieId),
                Endpoint.put("/api/v1/admin/movies/{movieId}", Key.ADMIN, movie()).with("movieId", movieId)
                        .optional("/rating", "/cast"),
                Endpoint.delete("/api/v1/admin/movies/{movieId}", Key.ADMIN).with("movieId", movieId),
                Endpoint.put("/api/v1/admin/shows/{showId}", Key.ADMIN, showChange(Instant.now().plus(20, ChronoUnit.DAYS)))
                        .with("showId", showId),
                Endpoint.delete("/api/v1/admin/shows/{showId}", Key.ADMIN).with("showId", showId),
                Endpoint.get("/api/v1/admin/search-index", Key.ADMIN),
                Endpoint.post("/api/v1/shows/{showId}/holds", Key.CUSTOMER, Map.of("seatIds", List.of("A1", "A2")))
                        .with("showId", showId),
                Endpoint.get("/api/v1/holds/{holdId}", Key.CUSTOMER).with("holdId", holdId),
                Endpoint.delete("/api/v1/holds/{holdId}", Key.CUSTOMER).with("holdId", holdId),
                Endpoint.get("/api/v1/admin/shows/{showId}/blocked-seats", Key.ADMIN).with("showId", showId),
                Endpoint.post("/api/v1/admin/shows/{showId}/blocked-seats", Key.ADMIN, Map.of("seatIds", List.of("A3")))
                        .with("showId", showId),
                Endpoint.delete("/api/v1/admin/shows/{showId}/blocked-seats", Key.ADMIN,
                        Map.of("seatIds", List.of("A3"))).with("showId", showId),
                Endpoint.post("/api/v1/shows/{showId}/waitlist", Key.CUSTOMER, Map.of("seatCount", 2))
                        .with("showId", showId),
                Endpoint.get("/api/v1/waitlist/{entryId}", Key.CUSTOMER).with("entryId", NO_ENTRY),
                Endpoint.get("/api/v1/waitlist/{entryId}/stream", Key.CUSTOMER).with("entryId", NO_ENTRY),
                Endpoint.delete("/api/v1/waitlist/{entryId}", Key.CUSTOMER).with("entryId", NO_ENTRY),
                Endpoint.get("/api/v1/bookings", Key.CUSTOMER),
                Endpoint.get("/api/v1/bookings/{bookingId}", Key.CUSTOMER).with("bookingId", NO_BOOKING),
                Endpoint.post("/api/v1/bookings/{bookingId}/cancel", Key.CUSTOMER, null)
                        .with("bookingId", NO_BOOKING),
                Endpoint.get("/api/v1/bookings/{bookingId}/tickets.pdf", Key.CUSTOMER).with("bookingId", NO_BOOKING),
                // someone else's hold: even a well-formed request pays for nothing
                Endpoint.post("/api/v1/holds/{holdId}/payment", Key.CUSTOMER, Map.of()).with("holdId", holdId),
                Endpoint.get("/api/v1/payments/{paymentId}", Key.CUSTOMER).with("paymentId", NO_PAYMENT),
                Endpoint.post("/api/v1/payments/{paymentId}/confirm", Key.CUSTOMER, Map.of("outcome", "succeeded"))
                        .with("paymentId", NO_PAYMENT),
                // unsigned: Stripe's webhook is refused whatever the body
                Endpoint.post("/api/v1/payments/webhooks/stripe", Key.CLIENT, Map.of("id", "evt_bad_input",
                        "object", "event", "type", "payment_intent.succeeded",
                        "data", Map.of("object", Map.of("id", "pi_bad_input", "object", "payment_intent")))),
                Endpoint.get("/api/v1/tickets/public-key", Key.CLIENT),
                Endpoint.post("/api/v1/tickets/verify", Key.CLIENT, Map.of("code", "bm90.YXRpY2tldA")),
                Endpoint.post("/api/v1/tickets/{ticketId}/admit", Key.ADMIN, Map.of("code", "bm90.YXRpY2tldA",
                        "showId", NO_TICKET, "gate", "Gate 1")).with("ticketId", NO_TICKET).optional("/showId")
                        .optional("/gate"),
                Endpoint.get("/api/v1/admin/dead-letters", Key.ADMIN),
                Endpoint.get("/api/v1/admin/dead-letters/{service}/{deadLetterId}", Key.ADMIN).with("service", "booking")
                        .with("deadLetterId", NO_DEAD_LETTER),
                Endpoint.post("/api/v1/admin/dead-letters/{service}/{deadLetterId}/replay", Key.ADMIN, null)
                        .with("service", "payment").with("deadLetterId", NO_DEAD_LETTER),
                Endpoint.delete("/api/v1/admin/dead-letters/{service}/{deadLetterId}", Key.ADMIN)
                        .with("service", "reservation").with("deadLetterId", NO_DEAD_LETTER));
    }

    @Test
    void everyMalformedRequestGetsA4xxProblemAndChangesNothing() throws Exception {
        Map<String, String> before = BadInput.quietDatabases();

        BadInput.Report report = BadInput.send(LocalStackProcess.GATEWAY, endpoints());
        System.out.printf("Sent %,d malformed requests to %d endpoints%n", report.sent(), endpoints().size());

        assertThat(report.failures()).as("requests not answered with a 4xx problem (%d sent)", report.sent())
                .isEmpty();
        assertThat(report.sent()).as("malformed requests sent").isGreaterThan(1000);
        assertThat(BadInput.quietDatabases()).isEqualTo(before);
    }

    private static Map<String, Object> city(String name) {
        return Map.of("name", name, "country", "NL", "latitude", 52.0, "longitude", 5.0);
    }

    private static Map<String, Object> cinema() {
        return Map.of("cityId", cityId, "name", "Bad Input Cinema", "address", "Main 1", "postalCode", "1000 AA",
                "latitude", 52.0, "longitude", 5.0);
    }

    private static Map<String, Object> hall(String name) {
        return Map.of("name", name, "rows", List.of(
                Map.of("row", "A", "seats", List.of(Map.of("number", 1, "type", "REGULAR"), Map.of("number", 2, "type", "PREMIUM"))),
                Map.of("row", "B", "seats", List.of(Map.of("number", 1, "type", "REGULAR")))));
    }

    private static Map<String, Object> movie() {
        return Map.of("title", "Bad Input: The Movie", "description", "Everything goes wrong", "durationMinutes", 95,
                "genre", "Comedy", "language", "English", "releaseDate", "2026-01-01", "country", "NL",
                "rating", "PG", "cast", List.of("Ann Example"));
    }

    private static Map<String, Object> show(Instant startsAt) {
        return Map.of("movieId", movieId, "hallId", hallId,
                "startsAt", startsAt.truncatedTo(ChronoUnit.HOURS).toString(),
                "prices", List.of(Map.of("seatType", "REGULAR", "price", 10.5, "currency", "EUR"),
                        Map.of("seatType", "PREMIUM", "price", 14, "currency", "EUR")));
    }

    private static Map<String, Object> showChange(Instant startsAt) {
        return Map.of("startsAt", startsAt.truncatedTo(ChronoUnit.HOURS).toString(),
                "prices", List.of(Map.of("seatType", "REGULAR", "price", 10.5, "currency", "EUR"),
                        Map.of("seatType", "PREMIUM", "price", 14, "currency", "EUR")));
    }
}
