package io.ticketing.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ticketing.testsupport.JsonApi;

/** Builds catalog fixtures through the admin API, each with unique names. */
final class CatalogMother {

    private CatalogMother() {
    }

    static String city(JsonApi api) {
        return city(api, "Testville " + unique(), 52.09, 5.12, "Europe/Amsterdam");
    }

    static String city(JsonApi api, String name, double latitude, double longitude, String timeZone) {
        return created(api.post("/api/v1/admin/cities", Map.of("name", name, "country", "NL",
                "latitude", latitude, "longitude", longitude, "timeZone", timeZone)));
    }

    static String cinema(JsonApi api) {
        return cinema(api, city(api), "Cinema " + unique(), "3511 ED", 52.09, 5.11);
    }

    static String cinema(JsonApi api, String cityId, String name, String postalCode, double latitude,
            double longitude) {
        return created(api.post("/api/v1/admin/cinemas", Map.of("cityId", cityId, "name", name,
                "address", "Stationsplein 1", "postalCode", postalCode, "latitude", latitude, "longitude", longitude)));
    }

    /** A hall whose first row is PREMIUM and the others REGULAR. */
    static String hall(JsonApi api, int rows, int seatsPerRow) {
        return hall(api, cinema(api), rows, seatsPerRow);
    }

    static String hall(JsonApi api, String cinemaId, int rows, int seatsPerRow) {
        return created(api.post("/api/v1/admin/cinemas/" + cinemaId + "/halls",
                Map.of("name", "Hall " + unique(), "rows", layout(rows, seatsPerRow))));
    }

    static List<Map<String, Object>> layout(int rows, int seatsPerRow) {
        List<Map<String, Object>> layout = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String type = r == 0 && rows > 1 ? "PREMIUM" : "REGULAR";
            List<Map<String, Object>> seats = new ArrayList<>();
            for (int n = 1; n <= seatsPerRow; n++) {
                seats.add(Map.of("number", n, "type", type));
            }
            layout.add(Map.of("row", String.valueOf((char) ('A' + r)), "seats", seats));
        }
        return layout;
    }

    static String movie(JsonApi api, String title, int minutes) {
        return movie(api, title, minutes, "Drama", "English", List.of("An Actor"));
    }

    static Map<String, Object> movieBody(String title, int minutes, String genre, String language, List<String> cast) {
        return Map.of("title", title, "description", "A test movie about " + title.toLowerCase(),
                "durationMinutes", minutes, "genre", genre, "language", language, "releaseDate", "2026-01-01",
                "country", "NL", "cast", cast);
    }

    static String movie(JsonApi api, String title, int minutes, String genre, String language, List<String> cast) {
        return created(api.post("/api/v1/admin/movies", movieBody(title, minutes, genre, language, cast)));
    }

    /** A show with a price for the REGULAR and PREMIUM seats of {@link #hall}. */
    static String show(JsonApi api, String movieId, String hallId, Instant startsAt) {
        return created(api.post("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                "startsAt", startsAt.toString(), "prices", List.of(
                        Map.of("seatType", "REGULAR", "price", 11.5, "currency", "EUR"),
                        Map.of("seatType", "PREMIUM", "price", 16, "currency", "EUR")))));
    }

    private static String created(JsonApi.Response response) {
        if (response.status() != 201) {
            throw new AssertionError("Expected 201, got " + response.status() + ": " + response.body());
        }
        return response.text("id");
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
