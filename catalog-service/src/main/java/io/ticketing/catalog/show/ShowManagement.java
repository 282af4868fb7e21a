package io.ticketing.catalog.show;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.catalog.movie.Movie;
import io.ticketing.catalog.movie.MovieManagement;
import io.ticketing.catalog.venue.Hall;
import io.ticketing.catalog.venue.SeatType;
import io.ticketing.catalog.venue.VenueManagement;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.starter.RequestRejectedException;

/**
 * Schedules shows. The show row and its {@link ShowScheduled} event are written in one transaction (the
 * event goes to the outbox), so the seat services learn of every show the catalog has and of no other.
 */
@Service
public class ShowManagement {

    private final Shows shows;
    private final VenueManagement venues;
    private final MovieManagement movies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShowManagement(Shows shows, VenueManagement venues, MovieManagement movies, ApplicationEventPublisher events,
            Clock clock) {
        this.shows = shows;
        this.venues = venues;
        this.movies = movies;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Show schedule(UUID movieId, UUID hallId, Instant startsAt, List<Show.Price> prices) {
        Movie movie = known(() -> movies.movie(movieId));
        Hall hall = known(() -> venues.hallForScheduling(hallId));
        if (!startsAt.isAfter(clock.instant())) {
            throw RequestRejectedException.unprocessable("SHOW_IN_PAST", "A show cannot start in the past");
        }
        checkPrices(hall, prices);
        Instant endsAt = startsAt.plus(Duration.ofMinutes(movie.durationMinutes()));
        if (shows.overlapsInHall(hallId, startsAt, endsAt)) {
            throw RequestRejectedException.conflict("SHOW_OVERLAP",
                    "Hall " + hall.name() + " already has a show between " + startsAt + " and " + endsAt);
        }
        var show = new Show(UUID.randomUUID(), movieId, hallId, startsAt, endsAt, Show.Status.SCHEDULED, prices);
        shows.save(show);
        events.publishEvent(scheduled(show, movie, hall));
        return show;
    }

    @Transactional(readOnly = true)
    public Show show(UUID id) {
        return shows.find(id).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "Show " + id + " does not exist"));
    }

    private static <T> T known(java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        }
        catch (RequestRejectedException ex) {
            // A missing movie or hall in a request body is a broken reference, not a missing resource.
            throw RequestRejectedException.unprocessable(ex.code(), ex.getMessage());
        }
    }

    private static void checkPrices(Hall hall, List<Show.Price> prices) {
        Set<SeatType> priced = new HashSet<>();
        for (Show.Price price : prices) {
            if (!priced.add(price.seatType())) {
                throw RequestRejectedException.unprocessable("INVALID_PRICES", price.seatType() + " is priced twice");
            }
            if (price.price().signum() <= 0 || price.price().scale() > 2
                    || price.price().compareTo(new BigDecimal("100000")) > 0) {
                throw RequestRejectedException.unprocessable("INVALID_PRICES",
                        "Prices are positive amounts with at most 2 decimals, up to 100000");
            }
        }
        if (prices.stream().map(Show.Price::currency).distinct().count() != 1) {
            throw RequestRejectedException.unprocessable("INVALID_PRICES", "All prices of a show use one currency");
        }
        Set<SeatType> unpriced = hall.layout().seatTypes().stream().filter(type -> !priced.contains(type))
                .collect(Collectors.toSet());
        if (!unpriced.isEmpty()) {
            throw RequestRejectedException.unprocessable("INVALID_PRICES", "Seat types without a price: " + unpriced);
        }
    }

    private ShowScheduled scheduled(Show show, Movie movie, Hall hall) {
        var rows = hall.layout().rows().stream()
                .map(row -> new ShowScheduled.Row(row.row(), row.seats().stream()
                        .map(seat -> new ShowScheduled.Seat(row.row() + seat.number(), seat.number(), seat.type().name()))
                        .toList()))
                .toList();
        var prices = show.prices().stream()
                .map(price -> new ShowScheduled.Price(price.seatType().name(), price.price(), price.currency()))
                .toList();
        return new ShowScheduled(UUID.randomUUID(), clock.instant(), show.id(), movie.id(), movie.title(),
                hall.cinemaId(), hall.id(), hall.name(), show.startsAt(), show.endsAt(), rows, prices);
    }
}
