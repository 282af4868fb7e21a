package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.ADMIN;
import static io.ticketing.systemtests.Platform.CLIENT;
import static io.ticketing.systemtests.Platform.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A customer finds a show through the gateway on the running platform: city, movie on a date, cinema and
 * show time, then the show's seat map; and search finds it by a misspelled title and by distance.
 */
@Order(2)
class CatalogSystemTest {

    private static final ZoneId ROTTERDAM_ZONE = ZoneId.of("Europe/Amsterdam");

    private static String cityId;
    private static String cinemaId;
    private static String movieId;
    private static String showId;
    private static LocalDate showDate;

    @BeforeAll
    static void aCinemaWithAShow() throws Exception {
        LocalStackProcess.shared();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        cityId = created(ADMIN.post("/api/v1/admin/cities", Map.of("name", "Rotterdam " + tag, "country", "NL",
                "latitude", 51.9225, "longitude", 4.4792, "timeZone", "Europe/Amsterdam")));
        cinemaId = created(ADMIN.post("/api/v1/admin/cinemas", Map.of("cityId", cityId, "name", "Cinema " + tag,
                "address", "Schouwburgplein 101", "postalCode", "3012 CL", "latitude", 51.9208, "longitude", 4.4746)));
        String hallId = created(ADMIN.post("/api/v1/admin/cinemas/" + cinemaId + "/halls", Map.of("name", "Zaal 1",
                "rows", List.of(Map.of("row", "A", "seats", List.of(Map.of("number", 1, "type", "REGULAR"),
                        Map.of("number", 2, "type", "REGULAR"), Map.of("number", 3, "type", "ACCESSIBLE")))))));
        movieId = created(ADMIN.post("/api/v1/admin/movies", Map.of("title", "Interstellar", "description",
                "Explorers travel through a wormhole in search of a new home for humanity", "durationMinutes", 169,
                "genre", "Sci-Fi", "language", "English", "releaseDate", "2014-11-07", "country", "US",
                "cast", List.of("Matthew McConaughey", "Anne Hathaway"))));
        showDate = LocalDate.now(ROTTERDAM_ZONE).plusDays(2);
        showId = created(ADMIN.post("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                "startsAt", showDate.atTime(20, 0).atZone(ROTTERDAM_ZONE).toInstant().toString(),
                "prices", List.of(Map.of("seatType", "REGULAR", "price", 12.5, "currency", "EUR"),
                        Map.of("seatType", "ACCESSIBLE", "price", 9, "currency", "EUR")))));
    }

    @Test
    void aCustomerGoesFromCityToMovieToShowTimeToSeats() {
        assertThat(CLIENT.get("/api/v1/cities").json().valueStream().map(city -> city.path("id").asString()))
                .contains(cityId);
        JsonNode movies = CLIENT.get("/api/v1/cities/" + cityId + "/movies?date=" + showDate).json();
        assertThat(movies.valueStream().map(movie -> movie.path("id").asString())).containsExactly(movieId);

        JsonNode cinemas = CLIENT.get("/api/v1/cities/" + cityId + "/movies/" + movieId + "/shows?date=" + showDate)
                .json();
        assertThat(cinemas).hasSize(1);
        assertThat(cinemas.get(0).path("cinema").path("id").asString()).isEqualTo(cinemaId);
        JsonNode show = cinemas.get(0).path("shows").get(0);
        assertThat(show.path("showId").asString()).isEqualTo(showId);
        assertThat(show.path("hallName").asString()).isEqualTo("Zaal 1");
        assertThat(show.path("availability").valueStream().map(seat -> seat.path("status").asString()))
                .containsOnly("AVAILABLE");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                CLIENT.get("/api/v1/shows/" + showId + "/seats").json().path("rows").get(0).path("seats")).hasSize(3));
    }

    @Test
    void searchFindsTheShowByAMisspelledTitleAndByDistance() {
        await().atMost(Duration.ofSeconds(30)).until(() -> search("keyword=Intersteller").path("total").asInt() == 1);
        JsonNode misspelled = search("keyword=Intersteller&spellcheck=true");
        assertThat(misspelled.path("items").get(0).path("showId").asString()).isEqualTo(showId);
        assertThat(misspelled.path("suggestions").valueStream().map(JsonNode::asString)).contains("interstellar");

        // Rotterdam Centraal, about 400 m from the cinema.
        JsonNode nearby = search("lat=51.9244&lon=4.4690&radiusKm=2&sort=distance,asc");
        assertThat(nearby.path("items").get(0).path("showId").asString()).isEqualTo(showId);
        assertThat(nearby.path("items").get(0).path("cinema").path("distanceKm").asDouble()).isBetween(0.2, 0.8);
        assertThat(search("lat=52.3676&lon=4.9041&radiusKm=10").path("total").asInt()).isZero();
    }

    private static JsonNode search(String query) {
        var response = CLIENT.get("/api/v1/search?city=" + cityId + "&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
