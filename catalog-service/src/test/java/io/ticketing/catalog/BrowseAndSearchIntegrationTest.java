package io.ticketing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.ticketing.catalog.search.ShowIndexer;
import io.ticketing.events.reservation.SeatAvailabilityChanged;
import io.ticketing.events.reservation.SeatAvailabilityChanged.SeatTypeCount;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;
import tools.jackson.databind.JsonNode;

/**
 * A customer browses and searches a small city built through the admin API, on real PostgreSQL, Kafka
 * and Elasticsearch: the index is fed by the catalog's events, so every search here first waits for them.
 * All searches are scoped to this test's city, since other tests write into the same index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowseAndSearchIntegrationTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** Utrecht Centraal; the "near" cinema is 150 m away, the "far" one in Amsterdam, 35 km away. */
    private static final double LAT = 52.0894;
    private static final double LON = 5.1101;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "catalog", Component.POSTGRES, Component.KAFKA, Component.ELASTICSEARCH);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ShowIndexer indexer;

    private JsonApi api;
    private String cityId;
    private String cityName;
    private String nearCinema;
    private String farCinema;
    private String inception;
    private String zodiac;
    private String inceptionNearShow;
    private LocalDate tomorrow;

    @BeforeAll
    void buildACity() {
        // Searches answer 503 until the index exists, which this catalog may be the first to build.
        await().atMost(Duration.ofSeconds(30)).until(() -> indexer.state().index() != null);
        api = JsonApi.asGateway("http://127.0.0.1:" + port);
        cityName = "Searchtown " + CatalogMother.unique();
        cityId = CatalogMother.city(api, cityName, 52.0907, 5.1214, "Europe/Amsterdam");
        nearCinema = CatalogMother.cinema(api, cityId, "Near Cinema", "3511 AB", 52.0907, 5.1100);
        farCinema = CatalogMother.cinema(api, cityId, "Far Cinema", "1012 XY", 52.3702, 4.8952);
        String nearHall = CatalogMother.hall(api, nearCinema, 2, 5);
        String farHall = CatalogMother.hall(api, farCinema, 2, 5);
        inception = CatalogMother.movie(api, "Inception", 148, "Sci-Fi", "English", List.of("Leonardo DiCaprio"));
        String amelie = CatalogMother.movie(api, "Amelie", 122, "Romance", "French", List.of("Audrey Tautou"));
        zodiac = CatalogMother.movie(api, "Zodiac", 157, "Thriller", "English", List.of("Jake Gyllenhaal"));
        tomorrow = LocalDate.now(AMSTERDAM).plusDays(1);
        inceptionNearShow = CatalogMother.show(api, inception, nearHall, at(tomorrow, 15));
        CatalogMother.show(api, amelie, nearHall, at(tomorrow, 20));
        CatalogMother.show(api, zodiac, farHall, at(tomorrow, 19));
        CatalogMother.show(api, inception, farHall, at(tomorrow.plusDays(1), 20));
        await().atMost(Duration.ofSeconds(30)).until(() -> search("").path("total").asInt() == 4);
    }

    @Test
    void findsAMisspelledTitleAndSuggestsTheSpelling() {
        JsonNode result = search("keyword=Incepton&spellcheck=true");

        assertThat(titles(result)).containsExactly("Inception", "Inception");
        assertThat(result.path("suggestions").valueStream().map(JsonNode::asString)).contains("inception");
        assertThat(search("keyword=Incepton").path("suggestions")).isEmpty();
        assertThat(titles(search("keyword=dicaprio"))).containsOnly("Inception");
        assertThat(titles(search("keyword=Leonardo Dicapro".replace(" ", "%20")))).containsOnly("Inception");
        assertThat(titles(search("keyword=romance"))).containsOnly("Amelie");
        assertThat(titles(search("keyword=incep"))).containsOnly("Inception");
    }

    @Test
    void findsShowsWithinARadiusWithTheirDistance() {
        JsonNode nearby = search("lat=" + LAT + "&lon=" + LON + "&radiusKm=5");

        assertThat(nearby.path("total").asInt()).isEqualTo(2);
        for (JsonNode item : nearby.path("items")) {
            assertThat(item.path("cinema").path("id").asString()).isEqualTo(nearCinema);
            assertThat(item.path("cinema").path("distanceKm").asDouble()).isBetween(0.0, 0.5);
        }
    }

    @Test
    void sortsByDistanceBothWays() {
        String near = "lat=" + LAT + "&lon=" + LON + "&radiusKm=100";

        List<Double> ascending = distances(search(near + "&sort=distance,asc"));
        List<Double> descending = distances(search(near + "&sort=distance,desc"));

        assertThat(ascending).hasSize(4).isSorted();
        assertThat(ascending.getLast()).isBetween(30.0, 40.0);
        assertThat(descending).isEqualTo(ascending.reversed());
    }

    @Test
    void sortsByNameAndDate() {
        assertThat(titles(search("sort=name,asc"))).containsExactly("Amelie", "Inception", "Inception", "Zodiac");
        assertThat(titles(search("sort=name,desc"))).containsExactly("Zodiac", "Inception", "Inception", "Amelie");
        assertThat(startTimes(search("sort=date,desc"))).hasSize(4).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(startTimes(search("sort=date,asc"))).hasSize(4).isSorted();
        var byNameThenDate = search("sort=name,date,asc").path("items");
        assertThat(byNameThenDate.get(1).path("startsAt").asString())
                .isLessThan(byNameThenDate.get(2).path("startsAt").asString());
        var byNameThenDateDescending = search("sort=name,date,desc").path("items");
        assertThat(byNameThenDateDescending.get(1).path("startsAt").asString())
                .isGreaterThan(byNameThenDateDescending.get(2).path("startsAt").asString());
    }

    @Test
    void pagesAtMostThirtyResults() {
        JsonNode first = search("size=3&page=0&sort=date,asc");
        JsonNode second = search("size=3&page=1&sort=date,asc");

        assertThat(first.path("items")).hasSize(3);
        assertThat(second.path("items")).hasSize(1);
        assertThat(first.path("total").asInt()).isEqualTo(4);
        assertThat(first.path("size").asInt()).isEqualTo(3);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        for (String bad : List.of("size=31", "size=0", "page=-1", "page=400&size=30", "sort=price,asc",
                "sort=distance,asc", "lat=52.1", "radiusKm=5", "lat=91&lon=5", "from=tomorrow", "spellcheck=maybe",
                "from=2030-01-02&to=2030-01-01")) {
            var response = api.get("/api/v1/search?" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.isProblem()).as(bad).isTrue();
            assertThat(response.text("code")).as(bad).isEqualTo("INVALID_PARAMETER");
        }
    }

    @Test
    void filtersByGenreLanguagePostalCodeCityNameAndDates() {
        assertThat(titles(search("genre=sci-fi"))).containsOnly("Inception");
        assertThat(titles(search("language=FRENCH"))).containsExactly("Amelie");
        assertThat(search("postalCode=3511").path("total").asInt()).isEqualTo(2);
        assertThat(search("postalCode=1012xy").path("total").asInt()).isEqualTo(2);
        var byName = api.get("/api/v1/search?size=30&city=" + URLEncoder.encode(cityName.toUpperCase(), StandardCharsets.UTF_8)).json();
        assertThat(byName.path("total").asInt()).isEqualTo(4);
        assertThat(search("from=" + tomorrow.plusDays(1) + "&to=" + tomorrow.plusDays(1)).path("total").asInt())
                .isBetween(1, 2);
        JsonNode item = search("keyword=amelie").path("items").get(0);
        assertThat(item.path("seats").valueStream().map(seat -> seat.path("type").asString()))
                .containsExactlyInAnyOrder("PREMIUM", "REGULAR");
        assertThat(item.path("seats").get(0).path("status").asString()).isEqualTo("AVAILABLE");
        for (String field : List.of("movieId", "showId", "title", "description", "durationMinutes", "genre", "language",
                "releaseDate", "country", "startsAt", "endsAt")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
    }

    @Test
    void reflectsAnAdminChangeInSearchAndBrowse() {
        String date = "?date=" + tomorrow;
        assertThat(api.get("/api/v1/cities/" + cityId + "/movies" + date).json().valueStream()
                .map(movie -> movie.path("title").asString())).contains("Zodiac");

        Instant changed = Instant.now();
        assertThat(api.putCurrent("/api/v1/admin/movies/" + zodiac,
                CatalogMother.movieBody("Zodiac Killer", 157, "Thriller", "English", List.of("Jake Gyllenhaal")))
                .status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> titles(search("keyword=killer")).equals(List.of("Zodiac Killer")));
        System.out.printf("Admin change visible in search after %d ms%n", Duration.between(changed, Instant.now()).toMillis());
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/cities/" + cityId + "/movies" + date)
                .json().valueStream().anyMatch(movie -> movie.path("title").asString().equals("Zodiac Killer")));
    }

    @Test
    void showsSeatAvailabilityReportedByReservationService() {
        var report = new SeatAvailabilityChanged(UUID.randomUUID(), Instant.now(), UUID.fromString(inceptionNearShow),
                System.nanoTime(), List.of(new SeatTypeCount("PREMIUM", 5, 0), new SeatTypeCount("REGULAR", 5, 1)));
        EventProducer.shared().send(report);
        var stale = new SeatAvailabilityChanged(UUID.randomUUID(), Instant.now(), UUID.fromString(inceptionNearShow),
                1, List.of(new SeatTypeCount("PREMIUM", 5, 5), new SeatTypeCount("REGULAR", 5, 5)));
        EventProducer.shared().send(stale);

        String path = "/api/v1/cities/" + cityId + "/movies/" + inception + "/shows?date=" + tomorrow;
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(api.get(path).json().get(0).path("shows").get(0)
                .path("availability")).equals(Map.of("PREMIUM", "FULL", "REGULAR", "ALMOST_FULL")));
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(search("keyword=inception&sort=date,asc")
                .path("items").get(0).path("seats"), "type").equals(Map.of("PREMIUM", "FULL", "REGULAR", "ALMOST_FULL")));
        JsonNode cinema = api.get(path).json().get(0).path("cinema");
        assertThat(cinema.path("id").asString()).isEqualTo(nearCinema);
        for (String field : List.of("name", "address", "postalCode", "latitude", "longitude")) {
            assertThat(cinema.has(field)).as(field).isTrue();
        }
    }

    @Test
    void timesEverySearchInHistogramBucketsAndNoRefusedRequest() {
        Timer searches = meters.get("ticketing.search.duration").tag("outcome", "ok").timer();
        long before = searches.count();

        search("keyword=inception");
        search("sort=name,asc");
        assertThat(api.get("/api/v1/search?size=31").status()).as("refused before searching").isEqualTo(400);

        assertThat(searches.count()).isEqualTo(before + 2);
        assertThat(searches.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        CountAtBucket[] buckets = searches.takeSnapshot().histogramCounts();
        assertThat(buckets).extracting(bucket -> bucket.bucket(TimeUnit.MILLISECONDS))
                .contains(50.0, 100.0, 250.0, 500.0, 1000.0)
                .allSatisfy(bound -> assertThat(bound).isBetween(1.0, 10_000.0));
        assertThat(buckets.length).as("a sensible number of buckets").isLessThan(80);
        assertThat(meters.get("ticketing.search.duration").tag("outcome", "unavailable").timer().count()).isZero();
    }

    @Test
    void showsElasticsearchUpInItsHealthAndReadiness() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
            var health = api.get(path);
            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.text("status")).as(path).isEqualTo("UP");
            assertThat(health.json().at("/components/elasticsearch/status").asString()).as(path).isEqualTo("UP");
        }
    }

    @Test
    void browsesCityMoviesShowTimesAndDetails() {
        assertThat(api.get("/api/v1/cities").json().valueStream().map(city -> city.path("id").asString()))
                .contains(cityId);
        JsonNode movies = api.get("/api/v1/cities/" + cityId + "/movies?date=" + tomorrow).json();
        assertThat(movies.valueStream().map(movie -> movie.path("id").asString())).contains(inception);
        JsonNode shows = api.get("/api/v1/cities/" + cityId + "/movies/" + inception + "/shows?date=" + tomorrow).json();
        assertThat(shows).hasSize(1);
        assertThat(shows.get(0).path("shows").get(0).path("showId").asString()).isEqualTo(inceptionNearShow);
        assertThat(api.get("/api/v1/cinemas/" + nearCinema).json().path("halls")).hasSize(1);
        assertThat(api.get("/api/v1/movies/" + inception).json().path("title").asString()).isEqualTo("Inception");

        var past = api.get("/api/v1/cities/" + cityId + "/movies?date=2020-01-01");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text("code")).isEqualTo("INVALID_DATE");
        assertThat(api.get("/api/v1/cities/" + cityId + "/movies?date=soon").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/cities/" + UUID.randomUUID() + "/movies").text("code")).isEqualTo("CITY_NOT_FOUND");
    }

    @Test
    void aShowsPageSaysWhatWhereAndWhenInTheCitysTimeZone() {
        JsonNode show = api.get("/api/v1/shows/" + inceptionNearShow).json();
        assertThat(show.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(show.path("movie").path("title").asString()).isEqualTo("Inception");
        assertThat(show.path("cinema").path("id").asString()).isEqualTo(nearCinema);
        assertThat(show.path("city").path("timeZone").asString()).isEqualTo("Europe/Amsterdam");
        assertThat(show.path("startsAt").asString()).isEqualTo(at(tomorrow, 15).toString());
        assertThat(show.path("availability").valueStream().map(price -> price.path("seatType").asString())).isNotEmpty();

        var unknown = api.get("/api/v1/shows/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("SHOW_NOT_FOUND");
        assertThat(api.get("/api/v1/shows/not-a-show").status()).isEqualTo(400);
    }

    @Test
    void cancelledShowsLeaveSearchAndARebuildKeepsEverythingElse() {
        String hall = CatalogMother.hall(api, farCinema, 1, 4);
        String show = CatalogMother.show(api, zodiac, hall, at(tomorrow.plusDays(3), 12));
        await().atMost(Duration.ofSeconds(10)).until(() -> search("").path("total").asInt() == 5);
        assertThat(api.delete("/api/v1/admin/shows/" + show).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> search("").path("total").asInt() == 4);

        String before = api.get("/api/v1/admin/search-index").text("index");
        assertThat(api.post("/api/v1/admin/search-index/rebuild", Map.of()).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode state = api.get("/api/v1/admin/search-index").json();
            return state.path("rebuilding").isNull() && !state.path("index").asString().equals(before);
        });
        assertThat(search("").path("total").asInt()).isEqualTo(4);
    }

    private JsonNode search(String query) {
        var response = api.get("/api/v1/search?city=" + cityId + "&" + query + (query.contains("size=") ? "" : "&size=30"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> titles(JsonNode result) {
        return result.path("items").valueStream().map(item -> item.path("title").asString()).toList();
    }

    private static List<String> startTimes(JsonNode result) {
        return result.path("items").valueStream().map(item -> item.path("startsAt").asString()).toList();
    }

    private static List<Double> distances(JsonNode result) {
        List<Double> distances = new ArrayList<>();
        result.path("items").forEach(item -> distances.add(item.path("cinema").path("distanceKm").asDouble()));
        return distances;
    }

    private static Map<String, String> statuses(JsonNode seats) {
        return statuses(seats, "seatType");
    }

    private static Map<String, String> statuses(JsonNode seats, String typeField) {
        var statuses = new TreeMap<String, String>();
        seats.forEach(seat -> statuses.put(seat.path(typeField).asString(), seat.path("status").asString()));
        return statuses;
    }

    private static Instant at(LocalDate date, int hour) {
        return date.atTime(hour, 0).atZone(AMSTERDAM).toInstant();
    }
}
