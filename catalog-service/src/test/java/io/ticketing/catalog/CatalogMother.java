package io.ticketing.catalog;

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
        return created(api.post("/api/v1/admin/cities", Map.of("name", "Testville " + unique(), "country", "NL",
                "latitude", 52.09, "longitude", 5.12)));
    }

    static String cinema(JsonApi api) {
        return created(api.post("/api/v1/admin/cinemas", Map.of("cityId", city(api), "name", "Cinema " + unique(),
                "address", "Stationsplein 1", "postalCode", "3511 ED", "latitude", 52.09, "longitude", 5.11)));
    }

    /** A hall whose first row is PREMIUM and the others REGULAR. */
    static String hall(JsonApi api, int rows, int seatsPerRow) {
        List<Map<String, Object>> layout = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String type = r == 0 && rows > 1 ? "PREMIUM" : "REGULAR";
            List<Map<String, Object>> seats = new ArrayList<>();
            for (int n = 1; n <= seatsPerRow; n++) {
                seats.add(Map.of("number", n, "type", type));
            }
            layout.add(Map.of("row", String.valueOf((char) ('A' + r)), "seats", seats));
        }
        return created(api.post("/api/v1/admin/cinemas/" + cinema(api) + "/halls",
                Map.of("name", "Hall " + unique(), "rows", layout)));
    }

    static String movie(JsonApi api, String title, int minutes) {
        return created(api.post("/api/v1/admin/movies", Map.of("title", title, "description", "A test movie",
                "durationMinutes", minutes, "genre", "Drama", "language", "English", "releaseDate", "2026-01-01",
                "country", "NL", "cast", List.of("An Actor"))));
    }

    private static String created(JsonApi.Response response) {
        if (response.status() != 201) {
            throw new AssertionError("Expected 201, got " + response.status() + ": " + response.body());
        }
        return response.text("id");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
