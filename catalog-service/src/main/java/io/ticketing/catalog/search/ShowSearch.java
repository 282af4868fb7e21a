package io.ticketing.catalog.search;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.elasticsearch.core.search.TermSuggest;
import co.elastic.clients.elasticsearch.core.search.TermSuggestOption;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Searches shows in Elasticsearch: typo-tolerant keywords over title, cast, genre and description, filters
 * for place, time, genre and language, the sort orders of the public API, and spelling suggestions. Each search is
 * timed ({@code ticketing.search.duration}, {@code ok} or {@code unavailable}), with histogram buckets for a p99.
 */
@Service
public class ShowSearch {

    private static final int MAX_SUGGESTIONS = 3;
    /** The name of the term suggester that proposes spellings of the keyword. */
    private static final String SPELLING = "spelling";
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final SearchIndex index;
    private final JsonMapper json;
    private final Clock clock;
    private final Timer answered;
    private final Timer unavailable;

    ShowSearch(SearchIndex index, JsonMapper json, MeterRegistry meters, Clock clock) {
        this.index = index;
        this.json = json;
        this.clock = clock;
        this.answered = duration("ok").register(meters);
        this.unavailable = duration("unavailable").register(meters);
    }

    /** Buckets from 5 ms to the request timeout's order, with the objectives a search is held to as exact bounds. */
    private static Timer.Builder duration(String outcome) {
        return Timer.builder("ticketing.search.duration")
                .description("Show searches, until answered or found unavailable (Elasticsearch down or failing)")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1))
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(10));
    }

    public record Result(List<JsonNode> items, List<String> suggestions, int page, int size, long total) {
    }

    /**
     * @throws SearchUnavailableException when Elasticsearch does not answer or fails
     */
    public Result search(SearchQuery query) {
        long start = System.nanoTime();
        SearchResponse<JsonNode> response;
        try {
            response = index.search(request(query));
        }
        catch (SearchUnavailableException ex) {
            unavailable.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw ex;
        }
        List<JsonNode> items = new ArrayList<>();
        for (Hit<JsonNode> hit : response.hits().hits()) {
            items.add(item(hit.source(), query.near()));
        }
        List<TermSuggest> words = response.suggest().getOrDefault(SPELLING, List.of()).stream()
                .map(Suggestion::term).toList();
        Result result = new Result(items, suggestions(query.keyword(), words), query.page(), query.size(),
                response.hits().total().value());
        answered.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return result;
    }

    ObjectNode request(SearchQuery query) {
        ObjectNode request = json.createObjectNode();
        request.put("from", query.page() * query.size());
        request.put("size", query.size());
        request.put("track_total_hits", true);
        ObjectNode bool = request.putObject("query").putObject("bool");
        ArrayNode filter = bool.putArray("filter");
        if (query.keyword() != null) {
            ObjectNode matches = bool.putArray("must").addObject().putObject("bool");
            matches.put("minimum_should_match", 1);
            ArrayNode should = matches.putArray("should");
            // Typos are forgiven in titles and names; expanding every word of every description into its
            // near misses as well made a search of 100,000 shows half again as slow for little gain.
            ObjectNode fuzzy = should.addObject().putObject("multi_match");
            fuzzy.put("query", query.keyword());
            fuzzy.putArray("fields").add("title^3").add("cast^2");
            fuzzy.put("fuzziness", "AUTO");
            fuzzy.put("prefix_length", 1);
            fuzzy.put("minimum_should_match", "2<75%");
            ObjectNode exact = should.addObject().putObject("multi_match");
            exact.put("query", query.keyword());
            exact.putArray("fields").add("genre^2").add("description");
            exact.put("minimum_should_match", "2<75%");
            // What a customer is still typing: "incep" is too far from "inception" for fuzziness.
            ObjectNode typing = should.addObject().putObject("multi_match");
            typing.put("query", query.keyword());
            typing.put("type", "bool_prefix");
            typing.putArray("fields").add("title^3").add("cast");
            typing.put("operator", "and");
        }
        ObjectNode startsAt = filter.addObject().putObject("range").putObject("startsAt");
        startsAt.put("gte", (query.from() == null ? clock.instant() : query.from()).toString());
        if (query.to() != null) {
            startsAt.put("lt", query.to().toString());
        }
        if (query.city() != null) {
            if (isUuid(query.city())) {
                filter.addObject().putObject("term").put("cinema.cityId", query.city());
            }
            else {
                filter.addObject().putObject("term").put("cinema.cityKey", ShowDocuments.key(query.city()));
            }
        }
        if (query.near() != null) {
            ObjectNode distance = filter.addObject().putObject("geo_distance");
            distance.put("distance", query.near().radiusKm() + "km");
            distance.putObject("cinema.location").put("lat", query.near().latitude()).put("lon", query.near().longitude());
        }
        if (query.postalCode() != null) {
            filter.addObject().putObject("prefix").put("cinema.postalKey", ShowDocuments.postalKey(query.postalCode()));
        }
        if (query.genre() != null) {
            filter.addObject().putObject("term").put("genreKey", ShowDocuments.key(query.genre()));
        }
        if (query.language() != null) {
            filter.addObject().putObject("term").put("languageKey", ShowDocuments.key(query.language()));
        }
        sort(request.putArray("sort"), query);
        if (query.spellcheck() && query.keyword() != null) {
            ObjectNode spelling = request.putObject("suggest").putObject(SPELLING);
            spelling.put("text", query.keyword());
            spelling.putObject("term").put("field", "spelling").put("size", MAX_SUGGESTIONS)
                    .put("suggest_mode", "missing");
        }
        return request;
    }

    private static void sort(ArrayNode sort, SearchQuery query) {
        String order = query.descending() ? "desc" : "asc";
        List<SearchQuery.SortKey> keys = query.sort();
        if (keys.isEmpty() && query.keyword() != null) {
            sort.add("_score");
        }
        for (SearchQuery.SortKey key : keys.isEmpty() ? List.of(SearchQuery.SortKey.DATE) : keys) {
            switch (key) {
                case NAME -> sort.addObject().putObject("titleSort").put("order", order);
                case DATE -> sort.addObject().putObject("startsAt").put("order", order);
                case DISTANCE -> {
                    ObjectNode distance = sort.addObject().putObject("_geo_distance");
                    distance.putObject("cinema.location").put("lat", query.near().latitude())
                            .put("lon", query.near().longitude());
                    distance.put("order", order).put("unit", "km");
                }
            }
        }
        sort.addObject().putObject("showId").put("order", "asc");
    }

    private ObjectNode item(JsonNode source, SearchQuery.Near near) {
        ObjectNode item = json.createObjectNode();
        for (String field : List.of("movieId", "showId", "title", "description", "durationMinutes", "genre", "language",
                "releaseDate", "country", "rating", "cast", "startsAt", "endsAt", "hallName", "seats")) {
            item.set(field, source.path(field));
        }
        JsonNode cinemaSource = source.path("cinema");
        ObjectNode cinema = item.putObject("cinema");
        cinema.set("id", cinemaSource.path("id"));
        cinema.set("name", cinemaSource.path("name"));
        cinema.set("address", cinemaSource.path("address"));
        cinema.set("postalCode", cinemaSource.path("postalCode"));
        cinema.set("cityId", cinemaSource.path("cityId"));
        cinema.set("cityName", cinemaSource.path("cityName"));
        JsonNode location = cinemaSource.path("location");
        cinema.put("latitude", location.path("lat").asDouble());
        cinema.put("longitude", location.path("lon").asDouble());
        if (near != null) {
            double km = distanceKm(near.latitude(), near.longitude(), location.path("lat").asDouble(),
                    location.path("lon").asDouble());
            cinema.put("distanceKm", BigDecimal.valueOf(km).setScale(1, RoundingMode.HALF_UP));
        }
        return item;
    }

    /** Spelling corrections of the whole keyword: each unknown word replaced by its 1st, 2nd, 3rd candidate. */
    static List<String> suggestions(String keyword, List<TermSuggest> words) {
        if (keyword == null || words.isEmpty()) {
            return List.of();
        }
        Set<String> phrases = new LinkedHashSet<>();
        for (int choice = 0; choice < MAX_SUGGESTIONS; choice++) {
            var phrase = new StringBuilder();
            int end = 0;
            boolean corrected = false;
            for (TermSuggest word : words) {
                int offset = word.offset();
                int length = word.length();
                List<TermSuggestOption> options = word.options();
                phrase.append(keyword, end, offset);
                if (options.isEmpty()) {
                    phrase.append(keyword, offset, offset + length);
                }
                else {
                    phrase.append(options.get(Math.min(choice, options.size() - 1)).text());
                    corrected = true;
                }
                end = offset + length;
            }
            phrase.append(keyword.substring(end));
            if (corrected) {
                phrases.add(phrase.toString());
            }
        }
        return List.copyOf(phrases);
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
