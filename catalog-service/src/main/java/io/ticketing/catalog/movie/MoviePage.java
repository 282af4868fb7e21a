package io.ticketing.catalog.movie;

import java.util.List;

/** One page of the admin's movie list; {@code total} counts the matches on every page. */
public record MoviePage(List<Movie> items, int page, int size, long total) {

    public MoviePage {
        items = List.copyOf(items);
    }
}
