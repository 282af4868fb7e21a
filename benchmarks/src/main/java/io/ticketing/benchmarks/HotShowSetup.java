package io.ticketing.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates the benchmark's shows through the admin API: a city, a cinema, a movie, and per show a hall of its own
 * (rows of 50 seats with aisles after seats 10 and 40, the first three rows PREMIUM) and a show a few days ahead
 * whose sale opens now. Then waits until the seat map answers, which is when reservation-service has the show.
 */
public final class HotShowSetup {

    public static final int SEATS_PER_ROW = 50;
    private static final int PREMIUM_ROWS = 3;
    private static final Duration SEAT_MAP_WAIT = Duration.ofMinutes(2);

    private final Gateway gateway;
    private final String apiKey;
    private final String adminKey;
    private final PrintStream out;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private String cinemaId;
    private String movieId;
    private int shows;

    public HotShowSetup(Gateway gateway, String apiKey, String adminKey, PrintStream out) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.adminKey = adminKey;
        this.out = out;
    }

    /** A show of {@code seats} seats (a multiple of 50) in a hall of its own, on sale now. */
    public String show(String name, int seats) throws IOException, InterruptedException {
        return show(name, seats, SEATS_PER_ROW);
    }

    /**
     * A show of {@code seats} seats in rows of {@code seatsPerRow} (a multiple of 50, with aisles 10 seats from either
     * end), in a hall of its own, on sale now. Wider rows make larger halls: the catalog takes at most 500 rows.
     */
    public String show(String name, int seats, int seatsPerRow) throws IOException, InterruptedException {
        if (seatsPerRow < SEATS_PER_ROW || seatsPerRow % SEATS_PER_ROW != 0) {
            throw new IllegalArgumentException("Rows have a multiple of " + SEATS_PER_ROW + " seats, not " + seatsPerRow);
        }
        if (seats < seatsPerRow || seats % seatsPerRow != 0) {
            throw new IllegalArgumentException("A show has rows of " + seatsPerRow + " seats, not " + seats + " seats");
        }
        return show(name, layout(seats / seatsPerRow, seatsPerRow), seats);
    }

    /** A show of one row of {@code seats} REGULAR seats side by side (1 to 50), in a hall of its own, on sale now. */
    public String smallShow(String name, int seats) throws IOException, InterruptedException {
        if (seats < 1 || seats > SEATS_PER_ROW) {
            throw new IllegalArgumentException("A small show has 1 to " + SEATS_PER_ROW + " seats, not " + seats);
        }
        List<Map<String, Object>> row = new ArrayList<>();
        for (int n = 1; n <= seats; n++) {
            row.add(Map.of("number", n, "type", "REGULAR"));
        }
        return show(name, List.of(Map.of("row", "A", "seats", row)), seats);
    }

    private String show(String name, List<Map<String, Object>> layout, int seats) throws IOException, InterruptedException {
        if (cinemaId == null) {
            String cityId = create("/api/v1/admin/cities", Map.of("name", "Hot Show City " + run, "country", "NL",
                    "latitude", 52.37, "longitude", 4.89, "timeZone", "Europe/Amsterdam"));
            cinemaId = create("/api/v1/admin/cinemas", Map.of("cityId", cityId, "name", "Benchmark Arena " + run,
                    "address", "Rushstraat 1", "postalCode", "1011 AB", "latitude", 52.37, "longitude", 4.89));
            movieId = create("/api/v1/admin/movies", Map.of("title", "The Hot Show " + run,
                    "description", "A premiere everybody wants to see, made up for benchmarks", "durationMinutes", 120,
                    "genre", "Drama", "language", "English", "releaseDate", "2026-01-01", "country", "NL"));
        }
        String hallId = create("/api/v1/admin/cinemas/" + cinemaId + "/halls",
                Map.of("name", name + " hall " + run, "rows", layout));
        // a different evening per show, so that the hall's shows never overlap
        Instant startsAt = Instant.now().plus(3 + shows++, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String showId = create("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                "startsAt", startsAt.toString(), "prices", List.of(
                        Map.of("seatType", "REGULAR", "price", 12.5, "currency", "EUR"),
                        Map.of("seatType", "PREMIUM", "price", 18, "currency", "EUR"))));
        awaitSeatMap(showId, seats);
        return showId;
    }

    private void awaitSeatMap(String showId, int seats) throws IOException, InterruptedException {
        Instant started = Instant.now();
        Instant deadline = started.plus(SEAT_MAP_WAIT);
        Gateway.Response seatMap;
        do {
            seatMap = gateway.get("/api/v1/shows/" + showId + "/seats", apiKey);
            if (seatMap.ok()) {
                int shown = SeatMapView.from(seatMap.json()).seatCount();
                if (shown != seats) {
                    throw new IllegalStateException("The seat map of show " + showId + " has " + shown + " seats, not "
                            + seats);
                }
                out.printf(Locale.ROOT, "  show %s: %,d seats, seat map ready after %,d ms%n", showId, seats,
                        Duration.between(started, Instant.now()).toMillis());
                return;
            }
            Thread.sleep(200);
        }
        while (Instant.now().isBefore(deadline));
        throw new IllegalStateException("The seat map of show " + showId + " still answers " + seatMap.status()
                + " after " + RunEnvironment.human(SEAT_MAP_WAIT));
    }

    /** Row labels A to Z, then AA, AB, ...; rows of 50, aisles after seats 10 and 40. */
    static List<Map<String, Object>> layout(int rows) {
        return layout(rows, SEATS_PER_ROW);
    }

    /** Row labels A to Z, then AA, AB, ...; aisles after seat 10 and 10 seats before the row's end. */
    static List<Map<String, Object>> layout(int rows, int seatsPerRow) {
        List<Map<String, Object>> layout = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String type = r < PREMIUM_ROWS ? "PREMIUM" : "REGULAR";
            List<Map<String, Object>> seats = new ArrayList<>();
            for (int n = 1; n <= seatsPerRow; n++) {
                seats.add(Map.of("number", n, "type", type, "aisleAfter", n == 10 || n == seatsPerRow - 10));
            }
            layout.add(Map.of("row", rowLabel(r), "seats", seats));
        }
        return layout;
    }

    public static String rowLabel(int index) {
        String label = "";
        int rest = index;
        do {
            label = (char) ('A' + rest % 26) + label;
            rest = rest / 26 - 1;
        }
        while (rest >= 0);
        return label;
    }

    private String create(String path, Map<String, Object> body) throws IOException, InterruptedException {
        Gateway.Response response = gateway.post(path, adminKey, body);
        if (response.status() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.status() + ": " + response.text());
        }
        return response.json().path("id").asString("");
    }
}
