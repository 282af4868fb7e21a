package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.ticketing.benchmarks.CatalogSample.CityDay;
import io.ticketing.benchmarks.CatalogSample.Filter;
import io.ticketing.benchmarks.CatalogSample.MovieDay;
import io.ticketing.benchmarks.CatalogSample.Place;

class CatalogScenariosTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private final CatalogSample sample = new CatalogSample(List.of(new CityDay("c1", DAY)),
            List.of(new MovieDay("c1", "m1", DAY)), List.of("Incepton dream"), List.of(new Place(52.0907, 5.1214)),
            List.of(new Filter("c1", DAY, DAY.plusDays(1), "Science Fiction")));

    @Test
    void buildsEveryScenarioOfTheContract() {
        Map<String, Scenario> scenarios = CatalogScenarios.of(sample);
        var random = new SplittableRandom(1);

        assertThat(scenarios.keySet()).containsExactlyElementsOf(CatalogScenarios.NAMES);
        assertThat(scenarios.get("cities").requests().next(random)).isEqualTo("/api/v1/cities");
        assertThat(scenarios.get("movies").requests().next(random)).isEqualTo("/api/v1/cities/c1/movies?date=2026-12-01");
        assertThat(scenarios.get("show-times").requests().next(random))
                .isEqualTo("/api/v1/cities/c1/movies/m1/shows?date=2026-12-01");
        assertThat(scenarios.get("search-keyword").requests().next(random))
                .isEqualTo("/api/v1/search?keyword=Incepton%20dream");
        assertThat(scenarios.get("search-nearby").requests().next(random))
                .isEqualTo("/api/v1/search?lat=52.090700&lon=5.121400&radiusKm=25&sort=distance,asc");
        assertThat(scenarios.get("search-filters").requests().next(random))
                .isEqualTo("/api/v1/search?city=c1&from=2026-12-01&to=2026-12-02&genre=Science%20Fiction");
    }

    @Test
    void writesCoordinatesTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(CatalogScenarios.nearbyPath(new Place(-33.5, 151.25))).contains("lat=-33.500000&lon=151.250000");
        }
        finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void mixesTheScenariosByTheirWeights() {
        Scenario mixed = CatalogScenarios.of(sample).get("mixed");
        var random = new SplittableRandom(7);
        Map<String, Integer> kinds = new HashMap<>();
        int draws = 50_000;
        for (int i = 0; i < draws; i++) {
            kinds.merge(kind(mixed.requests().next(random)), 1, Integer::sum);
        }
        CatalogScenarios.MIX.forEach((name, weight) -> assertThat(kinds.get(name) / (double) draws)
                .as(name).isCloseTo(weight / 100.0, within(0.01)));
        assertThat(mixed.description()).startsWith("cities 5%, movies 25%, show-times 30%");
    }

    @Test
    void mixesOnlyTheScenariosThatHaveData() {
        var noSearches = new CatalogSample(sample.cityDays(), sample.movieDays(), List.of(), List.of(), List.of());
        Map<String, Scenario> scenarios = CatalogScenarios.of(noSearches);
        var random = new SplittableRandom(3);

        assertThat(scenarios).doesNotContainKeys("search-keyword", "search-nearby", "search-filters");
        for (int i = 0; i < 1_000; i++) {
            assertThat(scenarios.get("mixed").requests().next(random)).doesNotStartWith("/api/v1/search");
        }
        WeightedChoice<String> mix = CatalogScenarios.mix(Set.of("cities", "movies", "show-times"));
        assertThat(mix.total()).isEqualTo(60);
        assertThat(CatalogScenarios.describe(mix)).isEqualTo("cities 8%, movies 42%, show-times 50%");
    }

    @Test
    void mixWeightsAddUpToOneHundred() {
        assertThat(CatalogScenarios.MIX.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(CatalogScenarios.MIX.keySet()).doesNotContain("mixed")
                .allMatch(CatalogScenarios.NAMES::contains);
    }

    private static String kind(String path) {
        if (path.equals("/api/v1/cities")) {
            return "cities";
        }
        if (path.contains("/shows?")) {
            return "show-times";
        }
        if (path.contains("/movies?")) {
            return "movies";
        }
        if (path.contains("keyword=")) {
            return "search-keyword";
        }
        return path.contains("lat=") ? "search-nearby" : "search-filters";
    }
}
