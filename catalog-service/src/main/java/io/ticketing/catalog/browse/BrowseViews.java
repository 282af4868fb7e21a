package io.ticketing.catalog.browse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.ticketing.catalog.movie.Movie;
import io.ticketing.catalog.show.Availability;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.HallSummary;

/** What the browse API answers: what a customer sees, never who changed it (the admin API has that). */
public final class BrowseViews {

    private BrowseViews() {
    }

    /** A city where shows run; its time zone is the one in which its dates are read. */
    public record CityEntry(UUID id, String name, String country, double latitude, double longitude, String timeZone) {

        static CityEntry of(City city) {
            return new CityEntry(city.id(), city.name(), city.country(), city.latitude(), city.longitude(),
                    city.timeZone());
        }
    }

    /** A movie's page. */
    public record MovieDetails(UUID id, String title, String description, int durationMinutes, String genre,
            String language, LocalDate releaseDate, String country, String rating, List<String> cast) {

        static MovieDetails of(Movie movie) {
            return new MovieDetails(movie.id(), movie.title(), movie.description(), movie.durationMinutes(),
                    movie.genre(), movie.language(), movie.releaseDate(), movie.country(), movie.rating(), movie.cast());
        }
    }

    /** A movie with shows in a city on a date. */
    public record CityMovie(UUID id, String title, String genre, String language, int durationMinutes, String rating,
            LocalDate releaseDate, int showCount, Instant firstShowAt) {
    }

    /** A cinema of a city with its show times of one movie on one date. */
    public record CinemaShowTimes(CinemaRef cinema, List<ShowTime> shows) {
    }

    public record CinemaRef(UUID id, String name, String address, String postalCode, double latitude,
            double longitude) {
    }

    public record ShowTime(UUID showId, Instant startsAt, Instant endsAt, String hallName,
            List<SeatAvailability> availability) {
    }

    /** Price and how many seats of one type are left, as a status. */
    public record SeatAvailability(String seatType, BigDecimal price, String currency, Availability.Status status) {
    }

    /** A cinema's page: where it is and its halls. */
    public record CinemaPage(UUID id, UUID cityId, String cityName, String name, String address, String postalCode,
            double latitude, double longitude, List<HallSummary> halls) {
    }

    /**
     * A show as a customer's page of it shows it: what, where (with the city's time zone, in which its times are read),
     * when, and each seat type's price and availability; {@code status} {@code SCHEDULED} or {@code CANCELLED}.
     */
    public record ShowPage(UUID showId, String status, Instant startsAt, Instant endsAt, Instant salesOpenAt,
            Instant salesCloseAt, MovieRef movie, CinemaRef cinema, String hallName, CityRef city,
            List<SeatAvailability> availability) {

        public record MovieRef(UUID id, String title, String genre, String language, int durationMinutes,
                String rating) {
        }

        public record CityRef(UUID id, String name, String timeZone) {
        }
    }
}
