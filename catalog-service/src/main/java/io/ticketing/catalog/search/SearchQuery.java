package io.ticketing.catalog.search;

import java.time.Instant;
import java.util.List;

/**
 * A validated search: every field optional except paging and sort.
 *
 * @param city a city id or a city name
 * @param near a point with a radius, for geo filtering, distance in results and distance sort
 * @param postalCode a postal code or its beginning, compared without blanks and case
 * @param from shows starting at or after; now when absent
 * @param to shows starting before
 * @param sort sort keys in order; empty means relevance for keyword searches, date otherwise
 */
public record SearchQuery(String keyword, String city, Near near, String postalCode, Instant from, Instant to,
        String genre, String language, boolean spellcheck, int page, int size, List<SortKey> sort, boolean descending) {

    public SearchQuery {
        sort = List.copyOf(sort);
    }

    public record Near(double latitude, double longitude, double radiusKm) {
    }

    public enum SortKey {
        NAME, DATE, DISTANCE
    }
}
