package io.ticketing.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small catalog created through the admin API, to try the harness on an empty platform: 4 cities, 8 cinemas,
 * 16 halls, 12 movies and three shows a day per hall for 4 days (about 190 shows). It is no benchmark of
 * 100,000 shows: for that, load the large catalog with {@code ./ticketing generate}.
 */
final class SmallCatalog {

    private record CitySeed(String name, String country, double latitude, double longitude, String timeZone,
            String postalPrefix) {
    }

    private record MovieSeed(String title, int minutes, String genre, String language, List<String> cast) {
    }

    private static final List<CitySeed> CITIES = List.of(
            new CitySeed("Amsterdam", "NL", 52.3676, 4.9041, "Europe/Amsterdam", "10"),
            new CitySeed("Rotterdam", "NL", 51.9244, 4.4777, "Europe/Amsterdam", "30"),
            new CitySeed("Utrecht", "NL", 52.0907, 5.1214, "Europe/Amsterdam", "35"),
            new CitySeed("Berlin", "DE", 52.5200, 13.4050, "Europe/Berlin", "10"));

    private static final List<MovieSeed> MOVIES = List.of(
            new MovieSeed("The Lighthouse Keeper", 118, "Drama", "English", List.of("Mara Voss", "Tom Eliot")),
            new MovieSeed("Midnight Orchard", 104, "Thriller", "English", List.of("Jonas Berg")),
            new MovieSeed("Paper Satellites", 96, "Animation", "English", List.of("Lia Chen", "Ravi Mehta")),
            new MovieSeed("Northern Lanterns", 132, "Adventure", "English", List.of("Ingrid Holm")),
            new MovieSeed("De Stille Gracht", 110, "Drama", "Dutch", List.of("Sanne de Wit")),
            new MovieSeed("Copper Canyon Express", 125, "Western", "English", List.of("Cole Harding")),
            new MovieSeed("Die Vergessene Stadt", 115, "Mystery", "German", List.of("Paul Krüger")),
            new MovieSeed("Quantum Gardener", 140, "Science Fiction", "English", List.of("Ada Lindqvist")),
            new MovieSeed("Laughing Matters", 92, "Comedy", "English", List.of("Benny Okafor")),
            new MovieSeed("Symphony of Tides", 101, "Documentary", "French", List.of("Claire Dubois")),
            new MovieSeed("The Clockmaker's Daughter", 122, "Fantasy", "English", List.of("Elena Moretti")),
            new MovieSeed("Harbour Lights", 99, "Romance", "Dutch", List.of("Daan Visser")));

    /** Start times of the day; the longest movie ends before the next slot. */
    private static final List<LocalTime> SLOTS = List.of(LocalTime.of(13, 0), LocalTime.of(16, 30), LocalTime.of(20, 0));
    private static final int DAYS = 4;
    private static final Duration INDEX_WAIT = Duration.ofMinutes(2);

    private final Gateway gateway;
    private final String adminKey;
    private final PrintStream out;

    SmallCatalog(Gateway gateway, String adminKey, PrintStream out) {
        this.gateway = gateway;
        this.adminKey = adminKey;
        this.out = out;
    }

    /** Creates the catalog unless the platform has cities already, then waits until search has indexed it. */
    void seedIfEmpty() throws IOException, InterruptedException {
        Gateway.Response cities = gateway.get(CatalogScenarios.citiesPath(), adminKey);
        if (cities.ok() && !cities.json().isEmpty()) {
            out.println("The platform has cities already: not seeding the small catalog.");
            return;
        }
        out.println("Seeding a small catalog through the admin API ...");
        List<String> movies = new ArrayList<>();
        for (MovieSeed movie : MOVIES) {
            movies.add(create("/api/v1/admin/movies", Map.of("title", movie.title(),
                    "description", "A story of " + movie.title().toLowerCase(Locale.ROOT) + ", made up for benchmarks",
                    "durationMinutes", movie.minutes(), "genre", movie.genre(), "language", movie.language(),
                    "releaseDate", "2026-01-01", "country", "NL", "cast", movie.cast())));
        }
        Instant earliest = Instant.now().plus(Duration.ofMinutes(10));
        int halls = 0;
        int shows = 0;
        for (CitySeed city : CITIES) {
            String cityId = create("/api/v1/admin/cities", Map.of("name", city.name(), "country", city.country(),
                    "latitude", city.latitude(), "longitude", city.longitude(), "timeZone", city.timeZone()));
            ZoneId zone = ZoneId.of(city.timeZone());
            LocalDate today = LocalDate.now(zone);
            for (int c = 0; c < 2; c++) {
                String cinemaId = create("/api/v1/admin/cinemas", Map.of("cityId", cityId,
                        "name", (c == 0 ? "Centrum " : "Noord ") + city.name(), "address", "Stationsplein " + (c + 1),
                        "postalCode", city.postalPrefix() + (12 + c) + " AB",
                        "latitude", city.latitude() + (c == 0 ? 0.004 : 0.021),
                        "longitude", city.longitude() + (c == 0 ? -0.006 : 0.013)));
                for (int h = 0; h < 2; h++) {
                    String hallId = create("/api/v1/admin/cinemas/" + cinemaId + "/halls",
                            Map.of("name", "Zaal " + (h + 1), "rows", layout(6, 12)));
                    for (int day = 0; day < DAYS; day++) {
                        for (int slot = 0; slot < SLOTS.size(); slot++) {
                            Instant startsAt = today.plusDays(day).atTime(SLOTS.get(slot)).atZone(zone).toInstant();
                            if (startsAt.isBefore(earliest)) {
                                continue;
                            }
                            String movieId = movies.get((halls * SLOTS.size() + slot + day) % movies.size());
                            create("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                                    "startsAt", startsAt.toString(), "prices", List.of(
                                            Map.of("seatType", "REGULAR", "price", 11.5, "currency", "EUR"),
                                            Map.of("seatType", "PREMIUM", "price", 16, "currency", "EUR"))));
                            shows++;
                        }
                    }
                    halls++;
                }
            }
        }
        out.printf(Locale.ROOT, "  created %d cities, %d halls, %d movies, %d shows; waiting for the search index ...%n",
                CITIES.size(), halls, MOVIES.size(), shows);
        awaitIndexed(shows);
    }

    private void awaitIndexed(long shows) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(INDEX_WAIT);
        long documents = -1;
        while (Instant.now().isBefore(deadline)) {
            Gateway.Response state = gateway.get("/api/v1/admin/search-index", adminKey);
            documents = state.ok() ? state.json().path("documents").asLong(0) : -1;
            if (documents >= shows) {
                out.printf(Locale.ROOT, "  search index holds %,d shows%n", documents);
                return;
            }
            Thread.sleep(1000);
        }
        out.printf(Locale.ROOT, "  the search index holds %,d of %,d shows after %s; going on%n", documents, shows,
                RunEnvironment.human(INDEX_WAIT));
    }

    /** The first row PREMIUM, the others REGULAR. */
    private static List<Map<String, Object>> layout(int rows, int seatsPerRow) {
        List<Map<String, Object>> layout = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String type = r == 0 ? "PREMIUM" : "REGULAR";
            List<Map<String, Object>> seats = new ArrayList<>();
            for (int n = 1; n <= seatsPerRow; n++) {
                seats.add(Map.of("number", n, "type", type));
            }
            layout.add(Map.of("row", String.valueOf((char) ('A' + r)), "seats", seats));
        }
        return layout;
    }

    private String create(String path, Map<String, Object> body) throws IOException, InterruptedException {
        Gateway.Response response = gateway.post(path, adminKey, body);
        if (response.status() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.status() + ": " + response.text());
        }
        return response.json().path("id").asString("");
    }
}
