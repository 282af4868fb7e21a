package io.ticketing.catalog.demo;

import java.util.List;

import io.ticketing.catalog.movie.Movie;
import io.ticketing.catalog.show.Show;
import io.ticketing.catalog.venue.Cinema;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.Hall;

/**
 * A whole catalog as plain values, every entity with its id already chosen, so that the same input always
 * describes the same catalog and loading it twice finds everything in place the second time. Lists are in
 * load order: a cinema's city comes before it, a hall's cinema before it, and so on.
 */
public record CatalogDescription(List<City> cities, List<Cinema> cinemas, List<Hall> halls, List<Movie> movies,
        List<Show.Draft> shows) {

    public CatalogDescription {
        cities = List.copyOf(cities);
        cinemas = List.copyOf(cinemas);
        halls = List.copyOf(halls);
        movies = List.copyOf(movies);
        shows = List.copyOf(shows);
    }

    /** "12 cities, 40 cinemas, 121 halls, 30 movies, 3,388 shows". */
    public String counts() {
        return "%,d cities, %,d cinemas, %,d halls, %,d movies, %,d shows".formatted(cities.size(), cinemas.size(),
                halls.size(), movies.size(), shows.size());
    }
}
