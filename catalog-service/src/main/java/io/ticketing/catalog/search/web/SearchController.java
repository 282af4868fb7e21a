package io.ticketing.catalog.search.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.catalog.search.SearchQuery;
import io.ticketing.catalog.search.ShowSearch;
import io.ticketing.starter.RequestRejectedException;

/** {@code GET /api/v1/search}: shows by keyword, place, time, genre and language. */
@RestController
class SearchController {

    static final int MAX_PAGE_SIZE = 30;
    /** Elasticsearch's result window: deeper pages need a narrower search. */
    static final int MAX_RESULT_WINDOW = 10_000;
    static final double DEFAULT_RADIUS_KM = 25;
    static final double MAX_RADIUS_KM = 1000;

    private final ShowSearch search;

    SearchController(ShowSearch search) {
        this.search = search;
    }

    /**
     * @param from shows starting at or after this date ({@code 2026-12-01}, start of the day in UTC) or instant;
     *        now when absent
     * @param to shows starting up to this date (inclusive, end of the day in UTC) or before this instant
     * @param spellcheck whether to suggest spellings of the keyword (costs about a third more per search)
     * @param sort {@code name}, {@code date} or {@code distance}, several comma-separated, then optionally
     *        {@code asc} or {@code desc}: {@code date,asc}, {@code name,date,desc}
     */
    @GetMapping("/api/v1/search")
    ShowSearch.Result search(@RequestParam(required = false) String keyword,
            @RequestParam(required = false) String city, @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon, @RequestParam(required = false) Double radiusKm,
            @RequestParam(required = false) String postalCode, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String genre,
            @RequestParam(required = false) String language,
            @RequestParam(defaultValue = "false") boolean spellcheck, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "10") int size, @RequestParam(required = false) String sort) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw invalid("size", "Page size is 1 to " + MAX_PAGE_SIZE);
        }
        if (page < 0 || (long) (page + 1) * size > MAX_RESULT_WINDOW) {
            throw invalid("page", "Pages reach the first " + MAX_RESULT_WINDOW + " results; narrow the search");
        }
        SearchQuery.Near near = near(lat, lon, radiusKm);
        Instant start = from == null ? null : instant("from", from, false);
        Instant end = to == null ? null : instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw invalid("to", "'to' must be after 'from'");
        }
        List<SearchQuery.SortKey> keys = new ArrayList<>();
        boolean descending = sortOrder(sort, keys);
        if (keys.contains(SearchQuery.SortKey.DISTANCE) && near == null) {
            throw invalid("sort", "Sorting by distance needs lat and lon");
        }
        return search.search(new SearchQuery(text("keyword", keyword, 200), text("city", city, 100), near,
                text("postalCode", postalCode, 20), start, end, text("genre", genre, 50),
                text("language", language, 50), spellcheck, page, size, keys, descending));
    }

    private static SearchQuery.Near near(Double lat, Double lon, Double radiusKm) {
        if (lat == null && lon == null) {
            if (radiusKm != null) {
                throw invalid("radiusKm", "radiusKm needs lat and lon");
            }
            return null;
        }
        if (lat == null || lon == null) {
            throw invalid(lat == null ? "lat" : "lon", "lat and lon go together");
        }
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw invalid("lat", "lat is -90 to 90 and lon -180 to 180");
        }
        double radius = radiusKm == null ? DEFAULT_RADIUS_KM : radiusKm;
        if (!(radius > 0 && radius <= MAX_RADIUS_KM)) {
            throw invalid("radiusKm", "radiusKm is above 0 and at most " + (int) MAX_RADIUS_KM);
        }
        return new SearchQuery.Near(lat, lon, radius);
    }

    /** Fills {@code keys} from a sort parameter and tells whether the order is descending. */
    private static boolean sortOrder(String sort, List<SearchQuery.SortKey> keys) {
        if (sort == null || sort.isBlank()) {
            return false;
        }
        List<String> parts = new ArrayList<>(Arrays.stream(sort.split(",")).map(String::strip)
                .map(part -> part.toLowerCase(Locale.ROOT)).toList());
        boolean descending = false;
        String last = parts.getLast();
        if (last.equals("asc") || last.equals("desc")) {
            descending = last.equals("desc");
            parts.removeLast();
        }
        for (String part : parts) {
            SearchQuery.SortKey key = switch (part) {
                case "name" -> SearchQuery.SortKey.NAME;
                case "date" -> SearchQuery.SortKey.DATE;
                case "distance" -> SearchQuery.SortKey.DISTANCE;
                default -> throw invalid("sort", "Sort by name, date or distance, then asc or desc, e.g. name,date,asc");
            };
            if (keys.contains(key)) {
                throw invalid("sort", "'" + part + "' appears twice in sort");
            }
            keys.add(key);
        }
        if (keys.isEmpty()) {
            throw invalid("sort", "Sort by name, date or distance, then asc or desc, e.g. name,date,asc");
        }
        return descending;
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        }
        catch (DateTimeException ex) {
            throw invalid(name, name + " is a date (2026-12-01) or a date-time with offset (2026-12-01T18:00:00Z)");
        }
    }

    /** Blank means absent; text beyond {@code max} characters is a mistake, not a search. */
    private static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw invalid(name, name + " has at most " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw invalid(name, name + " contains control characters");
        }
        return value.strip();
    }

    private static RequestRejectedException invalid(String parameter, String detail) {
        return RequestRejectedException.invalid("INVALID_PARAMETER", detail + " (parameter '" + parameter + "')");
    }
}
