package io.ticketing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import tools.jackson.databind.JsonNode;

/**
 * The lists the admin console needs to find its way: a city's cinemas, movies by title, a hall's shows in a
 * time window. Unknown parents are 404 problems, malformed parameters 400 problems.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminListsIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "catalog", Component.POSTGRES, Component.KAFKA, Component.ELASTICSEARCH);
    }

    @Value("${local.server.port}")
    int port;

    private JsonApi api() {
        return JsonApi.asGateway("http://127.0.0.1:" + port);
    }

    @Test
    void listsTheCinemasOfACityByName() {
        var api = api();
        String cityId = CatalogMother.city(api);
        String zed = CatalogMother.cinema(api, cityId, "Zed Screens", "1000 AA", 52.1, 5.1);
        String alpha = CatalogMother.cinema(api, cityId, "Alpha Pictures", "1000 AB", 52.1, 5.1);
        CatalogMother.cinema(api);

        var cinemas = api.get("/api/v1/admin/cities/" + cityId + "/cinemas");

        assertThat(cinemas.status()).isEqualTo(200);
        assertThat(texts(cinemas.json(), "id")).containsExactly(alpha, zed);
        assertThat(cinemas.json().get(0).path("postalCode").asString()).isEqualTo("1000 AB");
        assertThat(api.get("/api/v1/admin/cities/" + CatalogMother.city(api) + "/cinemas").json()).isEmpty();
    }

    @Test
    void answersCinemasOfAnUnknownCityWith404() {
        var response = api().get("/api/v1/admin/cities/" + UUID.randomUUID() + "/cinemas");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("CITY_NOT_FOUND");
        assertThat(api().get("/api/v1/admin/cities/not-a-uuid/cinemas").text("code")).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void listsMoviesByTitleInPagesFilteredByAnyPartOfTheTitle() {
        var api = api();
        String tag = CatalogMother.unique();
        String second = CatalogMother.movie(api, "b-Listing " + tag, 90);
        String first = CatalogMother.movie(api, "A-Listing " + tag, 90);
        String third = CatalogMother.movie(api, "C-listing " + tag + " 100%", 90);

        var all = api.get("/api/v1/admin/movies?title=LISTING%20" + tag + "&size=2");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("total").asInt()).isEqualTo(3);
        assertThat(all.json().path("size").asInt()).isEqualTo(2);
        assertThat(texts(all.json().path("items"), "id")).containsExactly(first, second);
        var next = api.get("/api/v1/admin/movies?title=listing%20" + tag + "&size=2&page=1").json();
        assertThat(texts(next.path("items"), "id")).containsExactly(third);
        assertThat(next.path("page").asInt()).isEqualTo(1);
        // % is a plain character, not a wildcard
        assertThat(texts(api.get("/api/v1/admin/movies?title=" + tag + "%20100%25").json().path("items"), "id"))
                .containsExactly(third);
        assertThat(api.get("/api/v1/admin/movies").json().path("total").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void refusesMoviePagesOutOfRangeWith400() {
        for (String query : List.of("size=0", "size=101", "page=-1", "size=ten", "title=" + "x".repeat(301))) {
            var response = api().get("/api/v1/admin/movies?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.isProblem()).as(query).isTrue();
            assertThat(response.text("code")).as(query).isEqualTo("INVALID_PARAMETER");
        }
    }

    @Test
    void listsAHallsShowsByStartWithinAWindow() {
        var api = api();
        String hallId = CatalogMother.hall(api, 2, 4);
        String movieId = CatalogMother.movie(api, "Window " + CatalogMother.unique(), 100);
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String late = CatalogMother.show(api, movieId, hallId, day.plus(6, ChronoUnit.HOURS));
        String early = CatalogMother.show(api, movieId, hallId, day);
        String nextDay = CatalogMother.show(api, movieId, hallId, day.plus(1, ChronoUnit.DAYS));
        CatalogMother.show(api, movieId, CatalogMother.hall(api, 2, 4), day);
        assertThat(api.delete("/api/v1/admin/shows/" + late).status()).isEqualTo(204);

        var all = api.get("/api/v1/admin/halls/" + hallId + "/shows");
        assertThat(all.status()).isEqualTo(200);
        assertThat(texts(all.json(), "id")).containsExactly(early, late, nextDay);
        assertThat(texts(all.json(), "status")).containsExactly("SCHEDULED", "CANCELLED", "SCHEDULED");
        assertThat(texts(all.json().get(0).path("prices"), "seatType")).containsExactly("PREMIUM", "REGULAR");

        var window = api.get("/api/v1/admin/halls/" + hallId + "/shows?from=" + day.plus(1, ChronoUnit.HOURS)
                + "&to=" + day.plus(1, ChronoUnit.DAYS));
        assertThat(texts(window.json(), "id")).containsExactly(late);
        assertThat(texts(api.get("/api/v1/admin/halls/" + hallId + "/shows?from=" + day).json(), "id"))
                .containsExactly(early, late, nextDay);
        assertThat(texts(api.get("/api/v1/admin/halls/" + hallId + "/shows?to=" + day).json(), "id")).isEmpty();
    }

    @Test
    void answersShowsOfAnUnknownHallWith404AndBadWindowsWith400() {
        var api = api();
        var unknown = api.get("/api/v1/admin/halls/" + UUID.randomUUID() + "/shows");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("HALL_NOT_FOUND");

        String hallId = CatalogMother.hall(api, 1, 2);
        for (String query : List.of("from=yesterday", "to=2026-13-01T00:00:00Z",
                "from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z")) {
            var response = api.get("/api/v1/admin/halls/" + hallId + "/shows?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.isProblem()).as(query).isTrue();
            assertThat(response.text("code")).as(query).isEqualTo("INVALID_PARAMETER");
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        return array.valueStream().map(node -> node.path(field).asString()).toList();
    }
}
