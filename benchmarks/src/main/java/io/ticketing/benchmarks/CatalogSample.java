package io.ticketing.benchmarks;

import java.time.LocalDate;
import java.util.List;

/**
 * Real ids and values found through the public API, so that every benchmark request asks about something that
 * exists and has shows.
 *
 * @param cityDays cities with at least one movie showing on a date
 * @param movieDays movies showing in a city on a date
 * @param keywords misspelled titles that the search was seen to find
 * @param places cinemas with shows, for searches around a point
 * @param filters a city, a date range and a genre with shows in it
 */
record CatalogSample(List<CityDay> cityDays, List<MovieDay> movieDays, List<String> keywords, List<Place> places,
        List<Filter> filters) {

    CatalogSample {
        cityDays = List.copyOf(cityDays);
        movieDays = List.copyOf(movieDays);
        keywords = List.copyOf(keywords);
        places = List.copyOf(places);
        filters = List.copyOf(filters);
    }

    /** @param date the city's local date */
    record CityDay(String cityId, LocalDate date) {
    }

    record MovieDay(String cityId, String movieId, LocalDate date) {
    }

    record Place(double latitude, double longitude) {
    }

    /** @param to inclusive */
    record Filter(String cityId, LocalDate from, LocalDate to, String genre) {
    }
}
