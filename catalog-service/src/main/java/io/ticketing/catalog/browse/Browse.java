package io.ticketing.catalog.browse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.ticketing.catalog.browse.BrowseViews.CinemaPage;
import io.ticketing.catalog.browse.BrowseViews.CinemaShowTimes;
import io.ticketing.catalog.browse.BrowseViews.CityEntry;
import io.ticketing.catalog.browse.BrowseViews.CityMovie;
import io.ticketing.catalog.browse.BrowseViews.MovieDetails;
import io.ticketing.catalog.browse.BrowseViews.SeatAvailability;
import io.ticketing.catalog.browse.BrowseViews.ShowPage;
import io.ticketing.catalog.browse.BrowseViews.ShowTime;
import io.ticketing.catalog.show.Availability;
import io.ticketing.starter.RequestRejectedException;

/**
 * How a customer finds a show: city, then a movie on a date, then a cinema and a show time. Dates are the
 * city's local dates; shows that have started are no longer listed.
 */
@Service
public class Browse {

    /** How far ahead customers can browse. */
    private static final int MAX_DAYS_AHEAD = 366;

    private final CatalogReads reads;
    private final Clock clock;

    Browse(CatalogReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    public List<CityEntry> cities() {
        return reads.cities();
    }

    public List<CityMovie> movies(UUID cityId, LocalDate date) {
        var day = day(reads.city(cityId), date);
        return reads.moviesInCity(cityId, day.from(), day.to());
    }

    public List<CinemaShowTimes> showTimes(UUID cityId, UUID movieId, LocalDate date) {
        reads.movie(movieId);
        var day = day(reads.city(cityId), date);
        var cinemas = reads.showTimes(cityId, movieId, day.from(), day.to());
        var availability = reads.availability(cinemas.stream()
                .flatMap(cinema -> cinema.shows().stream()).map(CatalogReads.Show::showId).toList());
        return cinemas.stream()
                .map(cinema -> new CinemaShowTimes(cinema.cinema(), cinema.shows().stream()
                        .filter(show -> show.startsAt().isAfter(clock.instant()))
                        .map(show -> showTime(show, availability.getOrDefault(show.showId(), Map.of())))
                        .toList()))
                .filter(cinema -> !cinema.shows().isEmpty())
                .toList();
    }

    /** One show, cancelled ones included (a customer with a booking still looks at it); 404 when there is none. */
    public ShowPage show(UUID showId) {
        var show = reads.show(showId).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "There is no show " + showId));
        var seats = reads.availability(List.of(showId)).getOrDefault(showId, Map.of());
        return new ShowPage(show.showId(), show.status(), show.startsAt(), show.endsAt(), show.salesOpenAt(),
                show.salesCloseAt(), show.movie(), show.cinema(), show.hallName(), show.city(), show.prices().stream()
                        .map(price -> availability(price, seats)).toList());
    }

    public MovieDetails movie(UUID id) {
        return reads.movie(id);
    }

    public CinemaPage cinema(UUID id) {
        return reads.cinema(id);
    }

    private static ShowTime showTime(CatalogReads.Show show, Map<String, Availability> seats) {
        return new ShowTime(show.showId(), show.startsAt(), show.endsAt(), show.hallName(), show.prices().stream()
                .map(price -> availability(price, seats)).toList());
    }

    private static SeatAvailability availability(CatalogReads.Price price, Map<String, Availability> seats) {
        return new SeatAvailability(price.seatType(), price.amount(), price.currency(),
                seats.getOrDefault(price.seatType(), new Availability(price.seatType(), 0, 0)).status());
    }

    /**
     * The local day in the city as an interval of instants, starting now at the earliest, so that the list
     * of today shows what can still be seen. Cached lists keyed by it stay valid for their short lifetime.
     */
    private Window day(CityEntry city, LocalDate date) {
        ZoneId zone = ZoneId.of(city.timeZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = date == null ? today : date;
        if (day.isBefore(today) || day.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw RequestRejectedException.invalid("INVALID_DATE",
                    "Pick a date from today (" + today + " in " + city.name() + ") up to a year ahead");
        }
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return new Window(from.isBefore(now) ? now : from, day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private record Window(Instant from, Instant to) {
    }
}
