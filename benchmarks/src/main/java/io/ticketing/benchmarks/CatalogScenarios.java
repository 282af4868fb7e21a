package io.ticketing.benchmarks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.ticketing.benchmarks.CatalogSample.CityDay;
import io.ticketing.benchmarks.CatalogSample.Filter;
import io.ticketing.benchmarks.CatalogSample.MovieDay;
import io.ticketing.benchmarks.CatalogSample.Place;

/** The browse and search scenarios of the public contract, built from a {@link CatalogSample}. */
final class CatalogScenarios {

    static final String CITIES = "cities";
    static final String MOVIES = "movies";
    static final String SHOW_TIMES = "show-times";
    static final String SEARCH_KEYWORD = "search-keyword";
    static final String SEARCH_NEARBY = "search-nearby";
    static final String SEARCH_FILTERS = "search-filters";
    static final String MIXED = "mixed";

    static final List<String> NAMES = List.of(CITIES, MOVIES, SHOW_TIMES, SEARCH_KEYWORD, SEARCH_NEARBY, SEARCH_FILTERS,
            MIXED);

    /**
     * The mixed workload: a customer app mostly walks city, movie, show times (and caches the city list);
     * a minority searches, mostly by title.
     */
    static final Map<String, Integer> MIX = weights();

    static final int NEARBY_RADIUS_KM = 25;

    private CatalogScenarios() {
    }

    /** Every scenario the sample has data for, in the order of {@link #NAMES}. */
    static Map<String, Scenario> of(CatalogSample sample) {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put(CITIES, new Scenario(CITIES, "GET /api/v1/cities",
                Scenario.Requests.anyOf(List.of(citiesPath()))));
        add(scenarios, MOVIES, "a city's movies on a date", sample.cityDays(), CatalogScenarios::moviesPath);
        add(scenarios, SHOW_TIMES, "cinemas and show times of a movie in a city on a date", sample.movieDays(),
                CatalogScenarios::showTimesPath);
        add(scenarios, SEARCH_KEYWORD, "a misspelled title", sample.keywords(), CatalogScenarios::keywordPath);
        add(scenarios, SEARCH_NEARBY, "within " + NEARBY_RADIUS_KM + " km of a cinema, nearest first", sample.places(),
                CatalogScenarios::nearbyPath);
        add(scenarios, SEARCH_FILTERS, "a city, a date range and a genre", sample.filters(),
                CatalogScenarios::filtersPath);
        WeightedChoice<String> mix = mix(scenarios.keySet());
        Map<String, Scenario> components = Map.copyOf(scenarios);
        scenarios.put(MIXED, new Scenario(MIXED, describe(mix),
                random -> components.get(mix.pick(random)).requests().next(random)));
        return scenarios;
    }

    static String citiesPath() {
        return "/api/v1/cities";
    }

    static String moviesPath(CityDay day) {
        return "/api/v1/cities/" + day.cityId() + "/movies?date=" + day.date();
    }

    static String showTimesPath(MovieDay day) {
        return "/api/v1/cities/" + day.cityId() + "/movies/" + day.movieId() + "/shows?date=" + day.date();
    }

    static String keywordPath(String keyword) {
        return "/api/v1/search?keyword=" + Gateway.encode(keyword);
    }

    static String nearbyPath(Place place) {
        return String.format(Locale.ROOT, "/api/v1/search?lat=%.6f&lon=%.6f&radiusKm=%d&sort=distance,asc",
                place.latitude(), place.longitude(), NEARBY_RADIUS_KM);
    }

    static String filtersPath(Filter filter) {
        return "/api/v1/search?city=" + Gateway.encode(filter.cityId()) + "&from=" + filter.from() + "&to=" + filter.to()
                + "&genre=" + Gateway.encode(filter.genre());
    }

    private static <T> void add(Map<String, Scenario> scenarios, String name, String description, List<T> targets,
            Function<T, String> path) {
        if (!targets.isEmpty()) {
            scenarios.put(name, new Scenario(name, description,
                    Scenario.Requests.anyOf(targets.stream().map(path).distinct().toList())));
        }
    }

    /** {@link #MIX} over the scenarios that have data. */
    static WeightedChoice<String> mix(Set<String> available) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        MIX.forEach((name, weight) -> {
            if (available.contains(name)) {
                weights.put(name, weight);
            }
        });
        return new WeightedChoice<>(weights);
    }

    static String describe(WeightedChoice<String> mix) {
        var shares = new StringBuilder();
        mix.shares().forEach((name, share) -> shares.append(shares.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.0f%%", name, share)));
        return shares.toString();
    }

    private static Map<String, Integer> weights() {
        Map<String, Integer> mix = new LinkedHashMap<>();
        mix.put(CITIES, 5);
        mix.put(MOVIES, 25);
        mix.put(SHOW_TIMES, 30);
        mix.put(SEARCH_KEYWORD, 20);
        mix.put(SEARCH_NEARBY, 10);
        mix.put(SEARCH_FILTERS, 10);
        return Collections.unmodifiableMap(mix);
    }
}
