package io.ticketing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.catalog.search.ShowIndexer;
import io.ticketing.catalog.show.Show;
import io.ticketing.events.EventTypes;
import io.ticketing.events.Topics;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.ServiceSmokeTests;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;

/**
 * An admin builds a venue and schedules a show over HTTP; the show lands in PostgreSQL and its
 * {@code ShowScheduled} event reaches Kafka through the outbox, carrying the layout and prices. Invalid
 * requests get problem+json answers and write nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShowSchedulingIntegrationTest extends ServiceSmokeTests {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "catalog", Component.POSTGRES, Component.KAFKA, Component.ELASTICSEARCH);
    }

    /** Readiness shows search DEGRADED until the index exists, which this catalog may be the first to build. */
    @BeforeAll
    static void theSearchIndexExists(@Autowired ShowIndexer indexer) {
        await().atMost(Duration.ofSeconds(30)).until(() -> indexer.state().index() != null);
    }

    @Test
    void batchListenersFetchInBatchesAndKeepTheirOwnConsumerProperties() {
        for (String id : List.of("catalog-search-index", "catalog-availability", "catalog-cache-invalidation")) {
            var properties = listeners.getListenerContainer(id).getContainerProperties().getKafkaConsumerProperties();
            assertThat(properties.getProperty("fetch.min.bytes")).as(id).isEqualTo("65536");
            assertThat(properties.getProperty("fetch.max.wait.ms")).as(id).isEqualTo("100");
        }
        assertThat(listeners.getListenerContainer("catalog-cache-invalidation").getContainerProperties()
                .getKafkaConsumerProperties().getProperty("auto.offset.reset")).isEqualTo("latest");
    }

    @Test
    void schedulesAShowAndPublishesShowScheduledWithLayoutAndPrices() {
        var api = api();
        String hallId = CatalogMother.hall(api, 3, 8);
        String movieId = CatalogMother.movie(api, "Inception", 148);
        Instant startsAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

        var show = api.post("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                "startsAt", startsAt.toString(), "prices", List.of(
                        Map.of("seatType", "REGULAR", "price", 11.5, "currency", "EUR"),
                        Map.of("seatType", "PREMIUM", "price", 16, "currency", "EUR"))));

        assertThat(show.status()).isEqualTo(201);
        String showId = show.text("id");
        assertThat(show.text("endsAt")).isEqualTo(startsAt.plus(148, ChronoUnit.MINUTES).toString());

        ConsumerRecord<String, String> event = awaitEvent(showId, "ShowScheduled");
        assertThat(new String(event.headers().lastHeader(EventTypes.HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("ShowScheduled");
        var payload = JsonApi.parse(event.value());
        assertThat(payload.path("movieTitle").asString()).isEqualTo("Inception");
        assertThat(payload.path("rows")).hasSize(3);
        assertThat(payload.path("rows").get(0).path("seats")).hasSize(8);
        assertThat(payload.path("rows").get(0).path("seats").get(0).path("seatId").asString()).isEqualTo("A1");
        assertThat(payload.path("prices")).hasSize(2);
        // the event went out through the outbox, whose entry is completed once Kafka acknowledged it
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Integer.class).single() == 0);
    }

    @Test
    void schedulesAShowInASixtyThousandSeatArena() {
        var api = api();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < 60; r++) {
            List<Map<String, Object>> seats = new ArrayList<>();
            for (int n = 1; n <= 1000; n++) {
                seats.add(Map.of("number", n, "type", n % 100 == 0 ? "ACCESSIBLE" : "REGULAR"));
            }
            String prefix = r < 26 ? "" : String.valueOf((char) ('A' + r / 26 - 1));
            rows.add(Map.of("row", prefix + (char) ('A' + r % 26), "seats", seats));
        }
        var hall = api.post("/api/v1/admin/cinemas/" + CatalogMother.cinema(api) + "/halls",
                Map.of("name", "Arena", "rows", rows));
        assertThat(hall.status()).as(hall.body()).isEqualTo(201);
        String movieId = CatalogMother.movie(api, "Stadium Tour", 150);

        var show = api.post("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hall.text("id"),
                "startsAt", Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString(),
                "prices", List.of(Map.of("seatType", "REGULAR", "price", 45, "currency", "EUR"),
                        Map.of("seatType", "ACCESSIBLE", "price", 30, "currency", "EUR"))));

        assertThat(show.status()).as(show.body()).isEqualTo(201);
        var payload = JsonApi.parse(awaitEvent(show.text("id"), "ShowScheduled").value());
        assertThat(payload.path("rows")).hasSize(60);
        assertThat(payload.path("rows").valueStream().mapToInt(row -> row.path("seats").size()).sum()).isEqualTo(60_000);
    }

    @Test
    void rejectsAShowInThePastAndWritesNothing() {
        var api = api();
        String hallId = CatalogMother.hall(api, 1, 4);
        String movieId = CatalogMother.movie(api, "Yesterday", 100);
        int showsBefore = count("show");

        var response = api.post("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                "startsAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "prices", List.of(Map.of("seatType", "REGULAR", "price", 10, "currency", "EUR"))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("SHOW_IN_PAST");
        assertThat(count("show")).isEqualTo(showsBefore);
    }

    @Test
    void rejectsAnOverlappingShowInTheSameHall() {
        var api = api();
        String hallId = CatalogMother.hall(api, 1, 4);
        String movieId = CatalogMother.movie(api, "Long Movie", 120);
        Instant startsAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        var prices = List.of(Map.of("seatType", "REGULAR", "price", 10, "currency", "EUR"));
        assertThat(api.post("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                "startsAt", startsAt.toString(), "prices", prices)).status()).isEqualTo(201);

        var overlapping = api.post("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                "startsAt", startsAt.plus(1, ChronoUnit.HOURS).toString(), "prices", prices));

        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.text("code")).isEqualTo("SHOW_OVERLAP");
    }

    @Test
    void rejectsAShowWithoutAPriceForEverySeatType() {
        var api = api();
        String hallId = CatalogMother.hall(api, 3, 4);
        String movieId = CatalogMother.movie(api, "Half Priced", 90);

        var response = api.post("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                "startsAt", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "prices", List.of(Map.of("seatType", "REGULAR", "price", 10, "currency", "EUR"))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("INVALID_PRICES");
    }

    @Test
    void answersMalformedJsonWithAProblemAndWritesNothing() {
        var api = api();
        int citiesBefore = count("city");

        var broken = api.postRaw("/api/v1/admin/cities", "{\"name\": \"Utrecht\", \"country\": ");
        var wrongType = api.postRaw("/api/v1/admin/cities",
                "{\"name\": \"Utrecht\", \"country\": \"NL\", \"latitude\": \"north\", \"longitude\": 5}");
        var missing = api.post("/api/v1/admin/cities", Map.of("name", "Utrecht"));
        var unknownField = api.post("/api/v1/admin/cities", Map.of("name", "Utrecht", "country", "NL",
                "latitude", 52.09, "longitude", 5.12, "population", 360000));

        for (var response : List.of(broken, wrongType, missing, unknownField)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.text("code")).as(response.body()).isIn("MALFORMED_REQUEST", "VALIDATION_FAILED");
        }
        assertThat(count("city")).isEqualTo(citiesBefore);
    }

    @Test
    void rejectsAHallWithADuplicateSeat() {
        var api = api();
        String cinemaId = CatalogMother.cinema(api);

        var response = api.post("/api/v1/admin/cinemas/" + cinemaId + "/halls", Map.of("name", "Hall X",
                "rows", List.of(Map.of("row", "A", "seats", List.of(Map.of("number", 1, "type", "REGULAR"),
                        Map.of("number", 1, "type", "REGULAR"))))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("INVALID_LAYOUT");
    }

    @Test
    void keepsAislesInAHallsLayout() {
        var api = api();
        String cinemaId = CatalogMother.cinema(api);

        var created = api.post("/api/v1/admin/cinemas/" + cinemaId + "/halls", Map.of("name", "Aisle Hall",
                "rows", List.of(Map.of("row", "A", "seats", List.of(Map.of("number", 1, "type", "REGULAR"),
                        Map.of("number", 2, "type", "REGULAR", "aisleAfter", true),
                        Map.of("number", 3, "type", "ACCESSIBLE"))))));

        assertThat(created.status()).isEqualTo(201);
        var seats = api.get("/api/v1/admin/halls/" + created.text("id")).json().path("layout").path("rows").get(0)
                .path("seats");
        assertThat(seats.valueStream().map(seat -> seat.path("aisleAfter").asBoolean())).containsExactly(false, true, false);
    }

    @Test
    void answersAnUnknownMovieWith404Problem() {
        var response = api().get("/api/v1/movies/" + UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("code")).isEqualTo("MOVIE_NOT_FOUND");
    }

    @Test
    void schedulesOnlyOneOfManyOverlappingShowsRacingForAHall() throws Exception {
        var api = api();
        String hallId = CatalogMother.hall(api, 1, 4);
        String movieId = CatalogMother.movie(api, "Rush Hour", 98);
        Instant base = Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        int racers = 16;
        var start = new CountDownLatch(1);
        List<Future<JsonApi.Response>> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                Instant startsAt = base.plus(i * 5L, ChronoUnit.MINUTES);
                attempts.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                            "startsAt", startsAt.toString(),
                            "prices", List.of(Map.of("seatType", "REGULAR", "price", 10, "currency", "EUR"))));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var attempt : attempts) {
                statuses.add(attempt.get().status());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM show WHERE hall_id = ?::uuid").param(hallId).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void replacesAndDeletesVenuesAndRefusesToDeleteWhatIsInUse() {
        var api = api();
        String cityId = CatalogMother.city(api);
        String cinemaId = CatalogMother.cinema(api, cityId, "Old Name", "1234 AB", 52.1, 5.1);
        String hallId = CatalogMother.hall(api, cinemaId, 2, 3);

        var renamed = api.putCurrent("/api/v1/admin/cinemas/" + cinemaId, Map.of("cityId", cityId, "name", "New Name",
                "address", "Dam 1", "postalCode", "1012 JS", "latitude", 52.37, "longitude", 4.89));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/cinemas/" + cinemaId).text("name")).isEqualTo("New Name");
        assertThat(api.putCurrent("/api/v1/admin/cities/" + cityId, Map.of("name", "Renamed " + CatalogMother.unique(),
                "country", "NL", "latitude", 52.0, "longitude", 5.0, "timeZone", "Mars/Olympus")).text("code"))
                .isEqualTo("INVALID_TIME_ZONE");
        assertThat(api.delete("/api/v1/admin/cities/" + cityId).text("code")).isEqualTo("CITY_IN_USE");
        assertThat(api.delete("/api/v1/admin/cinemas/" + cinemaId).text("code")).isEqualTo("CINEMA_IN_USE");

        assertThat(api.delete("/api/v1/admin/halls/" + hallId).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/admin/cinemas/" + cinemaId).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/admin/cities/" + cityId).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/admin/cities/" + cityId).text("code")).isEqualTo("CITY_NOT_FOUND");
        assertThat(api.delete("/api/v1/admin/halls/" + hallId).text("code")).isEqualTo("HALL_NOT_FOUND");
    }

    @Test
    void keepsSeatsAndRunningTimeFixedWhileShowsAreToCome() {
        var api = api();
        String cinemaId = CatalogMother.cinema(api);
        String hallId = CatalogMother.hall(api, cinemaId, 2, 3);
        String movieId = CatalogMother.movie(api, "Fixed Length", 100);
        CatalogMother.show(api, movieId, hallId, Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));

        String hallPath = "/api/v1/admin/halls/" + hallId;
        var reseated = api.putCurrent(hallPath, Map.of("name", "Hall 1", "rows", CatalogMother.layout(3, 3)));
        var renamed = api.putCurrent(hallPath, Map.of("name", "Hall 1", "rows", CatalogMother.layout(2, 3)));
        var longer = api.putCurrent("/api/v1/admin/movies/" + movieId,
                CatalogMother.movieBody("Fixed Length", 130, "Drama", "English", List.of()));
        var retitled = api.putCurrent("/api/v1/admin/movies/" + movieId,
                CatalogMother.movieBody("Fixed Length: Director's Cut", 100, "Drama", "English", List.of()));

        assertThat(reseated.status()).isEqualTo(409);
        assertThat(reseated.text("code")).isEqualTo("HALL_IN_USE");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Hall 1");
        assertThat(longer.text("code")).isEqualTo("MOVIE_IN_USE");
        assertThat(retitled.status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/admin/movies/" + movieId).text("code")).isEqualTo("MOVIE_IN_USE");
        assertThat(api.delete("/api/v1/admin/halls/" + hallId).text("code")).isEqualTo("HALL_IN_USE");
    }

    @Test
    void movesAndCancelsAShowAndPublishesBoth() {
        var api = api();
        String hallId = CatalogMother.hall(api, 2, 4);
        String movieId = CatalogMother.movie(api, "Movable", 90);
        Instant startsAt = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String showId = CatalogMother.show(api, movieId, hallId, startsAt);
        String otherId = CatalogMother.show(api, movieId, hallId, startsAt.plus(3, ChronoUnit.HOURS));
        var prices = List.of(Map.of("seatType", "REGULAR", "price", 9, "currency", "EUR"),
                Map.of("seatType", "PREMIUM", "price", 14, "currency", "EUR"));

        var first = api.withHeader("If-Match", "\"1\"");
        var clash = first.put("/api/v1/admin/shows/" + showId, Map.of("startsAt",
                startsAt.plus(2, ChronoUnit.HOURS).toString(), "prices", prices));
        var badWindow = first.put("/api/v1/admin/shows/" + showId, Map.of("startsAt", startsAt.toString(),
                "prices", prices, "salesCloseAt", startsAt.plus(1, ChronoUnit.DAYS).toString()));
        var moved = first.put("/api/v1/admin/shows/" + showId, Map.of("startsAt",
                startsAt.minus(1, ChronoUnit.HOURS).toString(), "prices", prices));

        assertThat(clash.text("code")).isEqualTo("SHOW_OVERLAP");
        assertThat(badWindow.text("code")).isEqualTo("INVALID_SALES_WINDOW");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.text("salesCloseAt")).isEqualTo(startsAt.minus(1, ChronoUnit.HOURS).toString());
        assertThat(moved.headers().firstValue("ETag")).contains("\"2\"");
        var updated = JsonApi.parse(awaitEvent(showId, "ShowUpdated").value());
        assertThat(updated.path("prices").get(0).path("amount").decimalValue()).isEqualByComparingTo("9");
        assertThat(updated.path("version").asLong()).isEqualTo(2);

        assertThat(api.delete("/api/v1/admin/shows/" + otherId).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/admin/shows/" + otherId).status()).isEqualTo(204);
        awaitEvent(otherId, "ShowCancelled");
        assertThat(api.get("/api/v1/admin/shows/" + otherId).text("status")).isEqualTo("CANCELLED");
        assertThat(api.withHeader("If-Match", "*").put("/api/v1/admin/shows/" + otherId,
                Map.of("startsAt", startsAt.toString(), "prices", prices)).text("code")).isEqualTo("SHOW_CANCELLED");
    }

    @Test
    void twoAdminsChangingOneShowAtOnceCannotOverwriteEachOther() throws Exception {
        var api = api().withHeader("X-Api-Client", "box-office");
        String hallId = CatalogMother.hall(api, 2, 4);
        String movieId = CatalogMother.movie(api, "Contested", 90);
        Instant startsAt = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String showId = CatalogMother.show(api, movieId, hallId, startsAt);
        String path = "/api/v1/admin/shows/" + showId;
        var read = api.get(path);
        assertThat(read.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(read.json().path("version").asLong()).isEqualTo(1);
        assertThat(read.text("createdBy")).isEqualTo("box-office");
        assertThat(read.text("createdAt")).isNotBlank();

        var blind = api.put(path, change(startsAt.plus(1, ChronoUnit.DAYS), 10));
        assertThat(blind.status()).isEqualTo(428);
        assertThat(blind.text("code")).isEqualTo("VERSION_REQUIRED");

        for (int round = 1; round <= 5; round++) {
            assertThat(changeTogether(api.withHeader("If-Match", "\"" + round + "\""), path,
                    change(startsAt.plus(round * 2L, ChronoUnit.HOURS), 10),
                    change(startsAt.plus(round * 2L + 1, ChronoUnit.HOURS), 11)))
                    .as("round %d", round).containsExactlyInAnyOrder(200, 412);
            assertThat(api.get(path).json().path("version").asLong()).isEqualTo(round + 1);
        }

        var stale = api.withHeader("If-Match", "\"1\"").put(path, change(startsAt, 12));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(6);
        var now = api.get(path);
        assertThat(now.text("updatedBy")).isEqualTo("box-office");
        assertThat(api.withHeader("If-Match", "\"5\"").delete(path).status()).isEqualTo(412);
        assertThat(api.withHeader("If-Match", now.headers().firstValue("ETag").orElseThrow()).delete(path).status())
                .isEqualTo(204);
    }

    @Test
    void venuesAndMoviesAreVersionedAuditedAndSafeFromLostUpdates() throws Exception {
        var api = api().withHeader("X-Api-Client", "box-office");
        String cityId = CatalogMother.city(api);
        String cinemaId = CatalogMother.cinema(api, cityId, "Versioned " + CatalogMother.unique(), "1011 AB", 52.3, 4.9);
        String hallId = CatalogMother.hall(api, cinemaId, 2, 3);
        String movieId = CatalogMother.movie(api, "Versioned", 95);
        for (String path : List.of("/api/v1/admin/cities/" + cityId, "/api/v1/admin/cinemas/" + cinemaId,
                "/api/v1/admin/halls/" + hallId, "/api/v1/admin/movies/" + movieId)) {
            var read = api.get(path);
            assertThat(read.headers().firstValue("ETag")).as(path).contains("\"1\"");
            assertThat(read.json().path("version").asLong()).as(path).isEqualTo(1);
            assertThat(read.text("createdBy")).as(path).isEqualTo("box-office");
            assertThat(read.text("updatedAt")).as(path).isNotBlank();
        }
        var city = Map.<String, Object>of("name", "Versioned " + CatalogMother.unique(), "country", "NL",
                "latitude", 52.0, "longitude", 5.0);
        var blind = api.put("/api/v1/admin/cities/" + cityId, city);
        assertThat(blind.status()).isEqualTo(428);
        assertThat(blind.text("code")).isEqualTo("VERSION_REQUIRED");
        assertThat(api.get("/api/v1/admin/cities/" + cityId).text("name")).startsWith("Testville");

        // movies are not locked while they change: the second write is refused by Hibernate's versioned UPDATE
        String moviePath = "/api/v1/admin/movies/" + movieId;
        for (int round = 1; round <= 3; round++) {
            assertThat(changeTogether(api.withHeader("If-Match", "\"" + round + "\""), moviePath,
                    CatalogMother.movieBody("Versioned " + round, 95, "Drama", "English", List.of()),
                    CatalogMother.movieBody("Versioned " + round + "b", 95, "Drama", "English", List.of())))
                    .as("round %d", round).containsExactlyInAnyOrder(200, 412);
        }
        var movie = api.get(moviePath);
        assertThat(movie.headers().firstValue("ETag")).contains("\"4\"");
        // halls are locked while they change (shows are scheduled into them): the second write reads the first's
        String hallPath = "/api/v1/admin/halls/" + hallId;
        assertThat(changeTogether(api.withHeader("If-Match", "\"1\""), hallPath,
                Map.of("name", "Left", "rows", CatalogMother.layout(2, 3)),
                Map.of("name", "Right", "rows", CatalogMother.layout(2, 3))))
                .containsExactlyInAnyOrder(200, 412);

        var publicMovie = api.get("/api/v1/movies/" + movieId).json();
        assertThat(publicMovie.path("title").asString()).isEqualTo(movie.text("title"));
        assertThat(publicMovie.has("updatedBy") || publicMovie.has("version")).isFalse();
        assertThat(api.get("/api/v1/cities").json().valueStream().filter(entry -> entry.path("id").asString()
                .equals(cityId))).singleElement().satisfies(entry -> assertThat(entry.has("createdBy")).isFalse());

        assertThat(api.withHeader("If-Match", "\"1\"").delete(moviePath).status()).isEqualTo(412);
        assertThat(api.withHeader("If-Match", "\"4\"").delete(moviePath).status()).isEqualTo(204);
    }

    /** Admins change the resource at {@code path} from the same version at the same moment: the statuses they get. */
    private static List<Integer> changeTogether(JsonApi basedOn, String path, Object... bodies) throws Exception {
        ExecutorService admins = Executors.newFixedThreadPool(bodies.length);
        try {
            CyclicBarrier together = new CyclicBarrier(bodies.length);
            List<Future<JsonApi.Response>> writes = new ArrayList<>();
            for (Object body : bodies) {
                writes.add(admins.submit(() -> {
                    together.await();
                    return basedOn.put(path, body);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var write : writes) {
                var response = write.get();
                statuses.add(response.status());
                if (response.status() == 412) {
                    assertThat(response.isProblem()).isTrue();
                    assertThat(response.text("code")).isEqualTo("STALE_VERSION");
                }
            }
            return statuses;
        }
        finally {
            admins.shutdownNow();
        }
    }

    private static Map<String, Object> change(Instant startsAt, int price) {
        return Map.of("startsAt", startsAt.toString(), "prices",
                List.of(Map.of("seatType", "REGULAR", "price", price, "currency", "EUR"),
                        Map.of("seatType", "PREMIUM", "price", price + 5, "currency", "EUR")));
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    private static ConsumerRecord<String, String> awaitEvent(String showId, String type) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CATALOG_SHOW_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            List<String> seen = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key());
                    if (showId.equals(record.key()) && type.equals(new String(
                            record.headers().lastHeader(EventTypes.HEADER).value(), StandardCharsets.UTF_8))) {
                        return record;
                    }
                }
            }
            throw new AssertionError("No " + type + " for show " + showId + " within 30 s; saw keys " + seen);
        }
    }

    @Override
    protected Map<String, Class<? extends Enum<?>>> statusColumns() {
        return Map.of("show.status", Show.Status.class);
    }
}
