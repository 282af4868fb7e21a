package io.ticketing.catalog.browse;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.catalog.browse.BrowseViews.CinemaPage;
import io.ticketing.catalog.browse.BrowseViews.CinemaShowTimes;
import io.ticketing.catalog.browse.BrowseViews.CityEntry;
import io.ticketing.catalog.browse.BrowseViews.CityMovie;
import io.ticketing.catalog.browse.BrowseViews.MovieDetails;
import io.ticketing.catalog.browse.BrowseViews.ShowPage;

/** The public browse API: city, movie on a date, cinemas with show times and availability. */
@RestController
class BrowseController {

    private final Browse browse;

    BrowseController(Browse browse) {
        this.browse = browse;
    }

    @GetMapping("/api/v1/cities")
    List<CityEntry> cities() {
        return browse.cities();
    }

    /** @param date the city's local date; today when absent */
    @GetMapping("/api/v1/cities/{cityId}/movies")
    List<CityMovie> movies(@PathVariable UUID cityId, @RequestParam(required = false) LocalDate date) {
        return browse.movies(cityId, date);
    }

    /** @param date the city's local date; today when absent */
    @GetMapping("/api/v1/cities/{cityId}/movies/{movieId}/shows")
    List<CinemaShowTimes> shows(@PathVariable UUID cityId, @PathVariable UUID movieId,
            @RequestParam(required = false) LocalDate date) {
        return browse.showTimes(cityId, movieId, date);
    }

    @GetMapping("/api/v1/shows/{showId}")
    ShowPage show(@PathVariable UUID showId) {
        return browse.show(showId);
    }

    @GetMapping("/api/v1/movies/{movieId}")
    MovieDetails movie(@PathVariable UUID movieId) {
        return browse.movie(movieId);
    }

    @GetMapping("/api/v1/cinemas/{cinemaId}")
    CinemaPage cinema(@PathVariable UUID cinemaId) {
        return browse.cinema(cinemaId);
    }
}
