package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.ticketing.testsupport.JsonApi;
import tools.jackson.databind.JsonNode;

/**
 * The platform as a whole, through the gateway: every service ready, a show scheduled by an admin reaching
 * the seat services over Kafka, errors as problems.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformSystemTest {

    private static final List<String> SERVICES = List.of("catalog", "reservation", "booking", "waiting", "payment",
            "notification");

    private final JsonApi admin = Platform.ADMIN;
    private final JsonApi client = Platform.CLIENT;

    @BeforeAll
    static void platform() throws Exception {
        LocalStackProcess.shared();
    }

    @Test
    @Order(1)
    void everyServiceIsReadyBehindTheGateway() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode services = new JsonApi(LocalStackProcess.GATEWAY_MANAGEMENT).get("/actuator/health").json()
                    .path("components").path("services")
                    .path("components");
            for (String service : SERVICES) {
                assertThat(services.path(service).path("status").asString()).as(service).isEqualTo("UP");
            }
        });
    }

    @Test
    @Order(2)
    void aScheduledShowReachesTheSeatServices() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String cityId = created(admin.post("/api/v1/admin/cities", Map.of("name", "Systemtown " + tag,
                "country", "NL", "latitude", 52.37, "longitude", 4.89)));
        String cinemaId = created(admin.post("/api/v1/admin/cinemas", Map.of("cityId", cityId,
                "name", "Cinema " + tag, "address", "Damrak 1", "postalCode", "1012 LG", "latitude", 52.37,
                "longitude", 4.89)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String row : List.of("A", "B", "C", "D")) {
            List<Map<String, Object>> seats = new ArrayList<>();
            for (int number = 1; number <= 12; number++) {
                seats.add(Map.of("number", number, "type", row.equals("D") ? "PREMIUM" : "REGULAR"));
            }
            rows.add(Map.of("row", row, "seats", seats));
        }
        String hallId = created(admin.post("/api/v1/admin/cinemas/" + cinemaId + "/halls",
                Map.of("name", "Hall 1", "rows", rows)));
        String movieId = created(admin.post("/api/v1/admin/movies", Map.of("title", "Inception " + tag,
                "description", "A thief who steals secrets through dreams", "durationMinutes", 148,
                "genre", "Sci-Fi", "language", "English", "releaseDate", "2010-07-16", "country", "US")));
        String showId = created(admin.post("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                "startsAt", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString(),
                "prices", List.of(Map.of("seatType", "REGULAR", "price", 12.5, "currency", "EUR"),
                        Map.of("seatType", "PREMIUM", "price", 18, "currency", "EUR")))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var seats = client.get("/api/v1/shows/" + showId + "/seats");
            assertThat(seats.status()).isEqualTo(200);
            assertThat(seats.json().path("rows")).hasSize(4);
            assertThat(seats.json().path("rows").get(3).path("seats").get(0).path("price").decimalValue())
                    .isEqualByComparingTo("18");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var sales = admin.get("/api/v1/admin/shows/" + showId + "/sales");
            assertThat(sales.status()).isEqualTo(200);
            assertThat(sales.json().path("seats").path("AVAILABLE").asInt()).isEqualTo(48);
        });
    }

    @Test
    @Order(3)
    void badInputThroughTheGatewayGetsAProblemAndChangesNothing() {
        var before = client.get("/api/v1/cities").json().size();

        var broken = admin.postRaw("/api/v1/admin/cities", "{\"name\":");
        var unknownPath = client.get("/api/v1/unknown");

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.isProblem()).isTrue();
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.isProblem()).isTrue();
        assertThat(client.get("/api/v1/cities").json().size()).isEqualTo(before);
    }
}
