package io.ticketing.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import io.ticketing.benchmarks.CatalogSample.CityDay;
import io.ticketing.benchmarks.CatalogSample.Filter;
import io.ticketing.benchmarks.CatalogSample.MovieDay;
import io.ticketing.benchmarks.CatalogSample.Place;

/**
 * Finds real ids through the public API, as a client app would: the cities, then each sampled city's movies
 * on the next days, then show times, then searches that are checked to find something.
 */
final class CatalogDiscovery {

    /** Days ahead, today included, whose movies are looked up per city. */
    static final int DAYS = 7;
    /** Movie-days whose show times are read, for cinema locations and to check the browse path. */
    private static final int SHOW_TIME_CHECKS = 100;
    /** Titles misspelled, twice each, and searched for. */
    private static final int TITLES = 30;
    private static final int VARIANTS = 2;
    /** Sample searches run to check a search scenario finds shows. */
    private static final int SEARCH_CHECKS = 10;
    /** Discovery requests in flight at once: quick, without being a benchmark of its own. */
    private static final int PARALLEL = 8;
    private static final int RATE_LIMIT_RETRIES = 5;

    private final Gateway gateway;
    private final String apiKey;
    private final PrintStream out;
    private final int maxCities;
    private final long seed;

    CatalogDiscovery(Gateway gateway, String apiKey, PrintStream out, int maxCities, long seed) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.out = out;
        this.maxCities = maxCities;
        this.seed = seed;
    }

    CatalogSample discover() throws IOException, InterruptedException {
        List<JsonNode> cities = new ArrayList<>();
        getJson(CatalogScenarios.citiesPath()).forEach(cities::add);
        if (cities.isEmpty()) {
            throw new IllegalStateException("The platform has no cities: load a catalog first (./ticketing generate, "
                    + "or --seed-small-catalog for a small one)");
        }
        List<JsonNode> sampled = sample(cities, maxCities);
        List<CityDay> candidates = new ArrayList<>();
        for (JsonNode city : sampled) {
            LocalDate today = LocalDate.now(zone(city.path("timeZone").asString("")));
            for (int day = 0; day < DAYS; day++) {
                candidates.add(new CityDay(city.path("id").asString(""), today.plusDays(day)));
            }
        }
        List<JsonNode> movieLists = inParallel(candidates, day -> getJson(CatalogScenarios.moviesPath(day)));

        List<CityDay> cityDays = new ArrayList<>();
        List<MovieDay> movieDays = new ArrayList<>();
        Set<String> titles = new LinkedHashSet<>();
        Set<Filter> filters = new LinkedHashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            CityDay day = candidates.get(i);
            if (movieLists.get(i).isEmpty()) {
                continue;
            }
            cityDays.add(day);
            for (JsonNode movie : movieLists.get(i)) {
                movieDays.add(new MovieDay(day.cityId(), movie.path("id").asString(""), day.date()));
                titles.add(movie.path("title").asString(""));
                filters.add(new Filter(day.cityId(), day.date(), day.date().plusDays(1), movie.path("genre").asString("")));
            }
        }
        out.printf(Locale.ROOT, "  cities          %,d, sampled %,d: %,d of %,d city-days have movies%n", cities.size(),
                sampled.size(), cityDays.size(), candidates.size());
        if (movieDays.isEmpty()) {
            throw new IllegalStateException("No sampled city has movies in the next " + DAYS + " days: load a catalog "
                    + "with shows first (./ticketing generate)");
        }

        List<MovieDay> checked = sample(movieDays, SHOW_TIME_CHECKS);
        List<JsonNode> showTimes = inParallel(checked, day -> getJson(CatalogScenarios.showTimesPath(day)));
        Map<String, Place> cinemas = new LinkedHashMap<>();
        int withShows = 0;
        for (JsonNode cinemaList : showTimes) {
            if (!cinemaList.isEmpty()) {
                withShows++;
            }
            for (JsonNode entry : cinemaList) {
                JsonNode cinema = entry.path("cinema");
                cinemas.putIfAbsent(cinema.path("id").asString(""),
                        new Place(cinema.path("latitude").asDouble(0), cinema.path("longitude").asDouble(0)));
            }
        }
        out.printf(Locale.ROOT, "  show times      %,d movie-days; %d of %d checked have show times, at %,d cinemas%n",
                movieDays.size(), withShows, checked.size(), cinemas.size());

        List<String> keywords = keywords(new ArrayList<>(titles));
        List<Place> places = new ArrayList<>(cinemas.values());
        List<Filter> filterList = new ArrayList<>(filters);
        if (found("nearby", places, CatalogScenarios::nearbyPath) == 0) {
            places = List.of();
        }
        if (found("filters", filterList, CatalogScenarios::filtersPath) == 0) {
            filterList = List.of();
        }
        return new CatalogSample(cityDays, movieDays, keywords, places, filterList);
    }

    /** Misspelled titles that the search finds shows for; tells how many found the very movie. */
    private List<String> keywords(List<String> titles) throws IOException, InterruptedException {
        List<String[]> tries = new ArrayList<>();
        for (String title : sample(titles, TITLES)) {
            for (int variant = 0; variant < VARIANTS; variant++) {
                Misspeller.misspell(title, variant).ifPresent(typo -> tries.add(new String[] { title, typo }));
            }
        }
        List<JsonNode> results = inParallel(tries, attempt -> getJson(CatalogScenarios.keywordPath(attempt[1])));
        Set<String> keywords = new LinkedHashSet<>();
        int intended = 0;
        for (int i = 0; i < tries.size(); i++) {
            JsonNode result = results.get(i);
            if (result.path("total").asLong(0) == 0) {
                continue;
            }
            keywords.add(tries.get(i)[1]);
            for (JsonNode item : result.path("items")) {
                if (item.path("title").asString("").equalsIgnoreCase(tries.get(i)[0])) {
                    intended++;
                    break;
                }
            }
        }
        out.printf(Locale.ROOT, "  keywords        %d of %d misspelled titles find shows, %d of them the intended movie%s%n",
                keywords.size(), tries.size(), intended,
                tries.isEmpty() ? "" : " (e.g. '" + tries.getFirst()[0] + "' as '" + tries.getFirst()[1] + "')");
        return List.copyOf(keywords);
    }

    /** Runs a few of the searches and tells how many found shows. */
    private <T> int found(String name, List<T> targets, Function<T, String> path)
            throws IOException, InterruptedException {
        List<T> checked = sample(targets, SEARCH_CHECKS);
        List<JsonNode> results = inParallel(checked, target -> getJson(path.apply(target)));
        int found = (int) results.stream().filter(result -> result.path("total").asLong(0) > 0).count();
        out.printf(Locale.ROOT, "  %-15s %,d targets; %d of %d sample searches find shows%n", name, targets.size(), found,
                checked.size());
        return found;
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            Gateway.Response response = gateway.get(path, apiKey);
            if (response.ok()) {
                return response.json();
            }
            if (response.status() == ScenarioResult.TOO_MANY_REQUESTS && attempt < RATE_LIMIT_RETRIES) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.max(1, seconds) * 1000);
                continue;
            }
            String body = response.text();
            throw new IllegalStateException("GET " + path + " answered " + response.status() + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }

    /** Up to {@code max} of the items, the same ones for the same seed. */
    private <T> List<T> sample(List<T> items, int max) {
        List<T> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, Math.min(max, shuffled.size())));
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone);
        }
        catch (DateTimeException ex) {
            return ZoneOffset.UTC;
        }
    }

    @FunctionalInterface
    private interface Fetch<T> {

        JsonNode apply(T item) throws IOException, InterruptedException;
    }

    /** Fetches for every item, a few at a time; the answers in the items' order. */
    private static <T> List<JsonNode> inParallel(List<T> items, Fetch<T> fetch) throws IOException, InterruptedException {
        var permits = new Semaphore(PARALLEL);
        List<Future<JsonNode>> answers = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                answers.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return fetch.apply(item);
                    }
                    finally {
                        permits.release();
                    }
                }));
            }
            List<JsonNode> results = new ArrayList<>();
            for (Future<JsonNode> answer : answers) {
                try {
                    results.add(answer.get());
                }
                catch (ExecutionException ex) {
                    answers.forEach(pending -> pending.cancel(true));
                    switch (ex.getCause()) {
                        case IOException io -> throw io;
                        case RuntimeException runtime -> throw runtime;
                        default -> throw new IllegalStateException(ex.getCause());
                    }
                }
            }
            return results;
        }
    }
}
