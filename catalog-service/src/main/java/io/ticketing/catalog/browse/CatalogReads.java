package io.ticketing.catalog.browse;

import static io.ticketing.starter.Timestamps.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.catalog.browse.BrowseViews.CinemaPage;
import io.ticketing.catalog.browse.BrowseViews.CinemaRef;
import io.ticketing.catalog.browse.BrowseViews.CityEntry;
import io.ticketing.catalog.browse.BrowseViews.CityMovie;
import io.ticketing.catalog.browse.BrowseViews.MovieDetails;
import io.ticketing.catalog.browse.BrowseViews.ShowPage;
import io.ticketing.catalog.movie.Movies;
import io.ticketing.catalog.show.Availability;
import io.ticketing.catalog.venue.Venues;

/**
 * The catalog's read side, cached. Entries expire after a minute at the latest and are dropped as soon as
 * the catalog changes ({@link CacheInvalidationListener}). Seat availability is not
 * cached here: it changes with every hold and is read live.
 */
@Component
class CatalogReads {

    static final String CITIES = "cities";
    static final String CITY = "city";
    static final String CITY_MOVIES = "city-movies";
    static final String SHOW_TIMES = "show-times";
    static final String MOVIE = "movie";
    static final String CINEMA = "cinema";
    static final String SHOW = "show";

    private final JdbcClient jdbc;
    private final Venues venues;
    private final Movies movies;

    CatalogReads(JdbcClient jdbc, Venues venues, Movies movies) {
        this.jdbc = jdbc;
        this.venues = venues;
        this.movies = movies;
    }

    @Cacheable(CITIES)
    @Transactional(readOnly = true)
    public List<CityEntry> cities() {
        return venues.cities().stream().map(CityEntry::of).toList();
    }

    @Cacheable(CITY)
    @Transactional(readOnly = true)
    public CityEntry city(UUID id) {
        return CityEntry.of(venues.city(id));
    }

    @Cacheable(MOVIE)
    @Transactional(readOnly = true)
    public MovieDetails movie(UUID id) {
        return MovieDetails.of(movies.movie(id));
    }

    @Cacheable(CINEMA)
    @Transactional(readOnly = true)
    public CinemaPage cinema(UUID id) {
        var cinema = venues.cinema(id);
        var city = venues.city(cinema.cityId());
        return new CinemaPage(cinema.id(), city.id(), city.name(), cinema.name(), cinema.address(),
                cinema.postalCode(), cinema.latitude(), cinema.longitude(), venues.halls(id));
    }

    /** Movies with a show in the city starting in {@code [from, to)}, by title. */
    @Cacheable(CITY_MOVIES)
    public List<CityMovie> moviesInCity(UUID cityId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT m.id, m.title, m.genre, m.language, m.duration_minutes, m.rating, m.release_date,
                       count(*) AS show_count, min(s.starts_at) AS first_show_at
                FROM show s
                         JOIN hall h ON h.id = s.hall_id
                         JOIN cinema c ON c.id = h.cinema_id
                         JOIN movie m ON m.id = s.movie_id
                WHERE c.city_id = ? AND s.status = 'SCHEDULED' AND s.starts_at >= ? AND s.starts_at < ?
                GROUP BY m.id
                ORDER BY m.title, m.id""")
                .params(cityId, utc(from), utc(to))
                .query((rs, n) -> new CityMovie(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getString("genre"), rs.getString("language"), rs.getInt("duration_minutes"),
                        rs.getString("rating"), rs.getObject("release_date", LocalDate.class),
                        rs.getInt("show_count"), rs.getObject("first_show_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The cinemas of the city showing the movie in {@code [from, to)}, by name, with their show times. */
    @Cacheable(SHOW_TIMES)
    public List<CinemaShows> showTimes(UUID cityId, UUID movieId, Instant from, Instant to) {
        var prices = new LinkedHashMap<UUID, List<Price>>();
        var cinemas = new LinkedHashMap<UUID, CinemaShows>();
        jdbc.sql("""
                SELECT c.id AS cinema_id, c.name AS cinema_name, c.address, c.postal_code, c.latitude, c.longitude,
                       s.id, s.starts_at, s.ends_at, h.name AS hall_name, p.seat_type, p.amount, p.currency
                FROM show s
                         JOIN hall h ON h.id = s.hall_id
                         JOIN cinema c ON c.id = h.cinema_id
                         JOIN show_price p ON p.show_id = s.id
                WHERE c.city_id = ? AND s.movie_id = ? AND s.status = 'SCHEDULED'
                  AND s.starts_at >= ? AND s.starts_at < ?
                ORDER BY c.name, c.id, s.starts_at, s.id, p.seat_type""")
                .params(cityId, movieId, utc(from), utc(to))
                .query(rs -> {
                    UUID cinemaId = rs.getObject("cinema_id", UUID.class);
                    UUID showId = rs.getObject("id", UUID.class);
                    var ref = new CinemaRef(cinemaId, rs.getString("cinema_name"), rs.getString("address"),
                            rs.getString("postal_code"), rs.getDouble("latitude"), rs.getDouble("longitude"));
                    var cinema = cinemas.computeIfAbsent(cinemaId, id -> new CinemaShows(ref, new ArrayList<>()));
                    if (!prices.containsKey(showId)) {
                        var showPrices = new ArrayList<Price>();
                        prices.put(showId, showPrices);
                        cinema.shows().add(new Show(showId, rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                                rs.getObject("ends_at", OffsetDateTime.class).toInstant(), rs.getString("hall_name"),
                                showPrices));
                    }
                    prices.get(showId).add(new Price(rs.getString("seat_type"), rs.getBigDecimal("amount"),
                            rs.getString("currency")));
                });
        return cinemas.values().stream()
                .map(cinema -> new CinemaShows(cinema.cinema(), cinema.shows().stream()
                        .map(show -> new Show(show.showId(), show.startsAt(), show.endsAt(), show.hallName(),
                                List.copyOf(show.prices())))
                        .toList()))
                .toList();
    }

    /** A show with its movie, cinema, hall, city and prices, whatever its status: empty when there is none. */
    @Cacheable(SHOW)
    public Optional<ShowDetails> show(UUID showId) {
        var prices = new ArrayList<Price>();
        var details = new ArrayList<ShowDetails>(1);
        jdbc.sql("""
                SELECT s.id, s.starts_at, s.ends_at, s.sales_open_at, s.sales_close_at, s.status, h.name AS hall_name,
                       m.id AS movie_id, m.title, m.genre, m.language, m.duration_minutes, m.rating,
                       c.id AS cinema_id, c.name AS cinema_name, c.address, c.postal_code, c.latitude, c.longitude,
                       ci.id AS city_id, ci.name AS city_name, ci.time_zone, p.seat_type, p.amount, p.currency
                FROM show s
                         JOIN hall h ON h.id = s.hall_id
                         JOIN cinema c ON c.id = h.cinema_id
                         JOIN city ci ON ci.id = c.city_id
                         JOIN movie m ON m.id = s.movie_id
                         LEFT JOIN show_price p ON p.show_id = s.id
                WHERE s.id = ?
                ORDER BY p.seat_type""")
                .param(showId)
                .query(rs -> {
                    if (details.isEmpty()) {
                        details.add(new ShowDetails(showId, rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                                rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                                rs.getObject("sales_open_at", OffsetDateTime.class).toInstant(),
                                rs.getObject("sales_close_at", OffsetDateTime.class).toInstant(), rs.getString("status"),
                                rs.getString("hall_name"),
                                new ShowPage.MovieRef(rs.getObject("movie_id", UUID.class), rs.getString("title"),
                                        rs.getString("genre"), rs.getString("language"), rs.getInt("duration_minutes"),
                                        rs.getString("rating")),
                                new CinemaRef(rs.getObject("cinema_id", UUID.class), rs.getString("cinema_name"),
                                        rs.getString("address"), rs.getString("postal_code"), rs.getDouble("latitude"),
                                        rs.getDouble("longitude")),
                                new ShowPage.CityRef(rs.getObject("city_id", UUID.class), rs.getString("city_name"),
                                        rs.getString("time_zone")),
                                prices));
                    }
                    if (rs.getString("seat_type") != null) {
                        prices.add(new Price(rs.getString("seat_type"), rs.getBigDecimal("amount"), rs.getString("currency")));
                    }
                });
        return details.stream().findFirst().map(show -> show.withPrices(List.copyOf(prices)));
    }

    /** Seats left per show and seat type, read live. */
    public Map<UUID, Map<String, Availability>> availability(List<UUID> showIds) {
        var counts = new LinkedHashMap<UUID, Map<String, Availability>>();
        if (showIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT show_id, seat_type, total, available FROM show_availability WHERE show_id IN (:ids)")
                .param("ids", showIds)
                .query(rs -> {
                    var seats = new Availability(rs.getString("seat_type"), rs.getInt("total"), rs.getInt("available"));
                    counts.computeIfAbsent(rs.getObject("show_id", UUID.class), id -> new LinkedHashMap<>())
                            .put(seats.seatType(), seats);
                });
        return counts;
    }

    record CinemaShows(CinemaRef cinema, List<Show> shows) {
    }

    record Show(UUID showId, Instant startsAt, Instant endsAt, String hallName, List<Price> prices) {
    }

    record Price(String seatType, BigDecimal amount, String currency) {
    }

    record ShowDetails(UUID showId, Instant startsAt, Instant endsAt, Instant salesOpenAt, Instant salesCloseAt,
            String status, String hallName, ShowPage.MovieRef movie, CinemaRef cinema, ShowPage.CityRef city,
            List<Price> prices) {

        ShowDetails withPrices(List<Price> all) {
            return new ShowDetails(showId, startsAt, endsAt, salesOpenAt, salesCloseAt, status, hallName, movie, cinema,
                    city, all);
        }
    }
}
