package io.ticketing.catalog.show;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.catalog.movie.Movie;
import io.ticketing.catalog.movie.Movies;
import io.ticketing.catalog.venue.Hall;
import io.ticketing.catalog.venue.SeatLayout;
import io.ticketing.catalog.venue.SeatType;
import io.ticketing.catalog.venue.Venues;
import io.ticketing.events.catalog.ShowCancelled;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.catalog.ShowUpdated;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.web.Versions;

/**
 * Schedules, changes and cancels shows. A show row and its event ({@link ShowScheduled},
 * {@link ShowUpdated}, {@link ShowCancelled}) are written in one transaction (the event goes to the
 * outbox), so the seat services learn of every show the catalog has and of no other.
 */
@Service
public class Shows {

    private static final BigDecimal MAX_PRICE = new BigDecimal("100000");

    private final ShowRepository shows;
    private final AvailabilityRepository availability;
    private final Venues venues;
    private final Movies movies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Shows(ShowRepository shows, AvailabilityRepository availability, Venues venues,
            Movies movies, ApplicationEventPublisher events, Clock clock) {
        this.shows = shows;
        this.availability = availability;
        this.venues = venues;
        this.movies = movies;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Show schedule(Show.Draft draft) {
        Movie movie = known(() -> movies.movie(draft.movieId()));
        Hall hall = known(() -> venues.hallForScheduling(draft.hallId()));
        var show = new Show(draft.id() == null ? UUID.randomUUID() : draft.id(), movie.id(), hall.id(),
                draft.startsAt(), draft.startsAt().plus(Duration.ofMinutes(movie.durationMinutes())),
                draft.salesOpenAt() == null ? clock.instant() : draft.salesOpenAt(),
                draft.salesCloseAt() == null ? draft.startsAt() : draft.salesCloseAt(), draft.prices());
        check(hall, show);
        shows.saveAndFlush(show);
        availability.stock(show.id(), seatsPerType(hall.layout()));
        events.publishEvent(scheduled(show, movie, hall));
        return show;
    }

    /**
     * Moves a show, changes its sale window or its prices, if the admin changed the current version ({@code ifMatch},
     * the {@code ETag} they read). Movie and hall stay: the seat map, holds and tickets of the show were built on
     * them.
     */
    @Transactional
    public Show update(UUID id, String ifMatch, Instant startsAt, Instant salesOpenAt, Instant salesCloseAt,
            List<Show.Price> prices) {
        Show show = show(id);
        Versions.requireMatch(ifMatch, show.version());
        Hall hall = venues.hallForScheduling(show.hallId());
        requireChangeable(show);
        Movie movie = movies.movie(show.movieId());
        show.reschedule(startsAt, startsAt.plus(Duration.ofMinutes(movie.durationMinutes())),
                salesOpenAt == null ? show.salesOpenAt() : salesOpenAt, salesCloseAt == null ? startsAt : salesCloseAt,
                prices);
        check(hall, show);
        shows.saveAndFlush(show);
        events.publishEvent(new ShowUpdated(UUID.randomUUID(), clock.instant(), id, show.startsAt(), show.endsAt(),
                show.salesOpenAt(), show.salesCloseAt(), eventPrices(show), show.version()));
        return show;
    }

    /**
     * Takes a show off sale. Cancelling a cancelled show changes nothing. An {@code ifMatch} (the {@code ETag} the
     * admin read), if given, must be the current version.
     */
    @Transactional
    public void cancel(UUID id, String ifMatch) {
        Show show = show(id);
        Versions.requireMatchIfSent(ifMatch, show.version());
        venues.hallForScheduling(show.hallId());
        if (show.status() == Show.Status.CANCELLED) {
            return;
        }
        requireChangeable(show);
        show.cancel();
        events.publishEvent(new ShowCancelled(UUID.randomUUID(), clock.instant(), id));
    }

    @Transactional(readOnly = true)
    public Show show(UUID id) {
        return shows.findById(id).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "Show " + id + " does not exist"));
    }

    /** A hall's shows starting from {@code from} until before {@code to} (null: unbounded), by start. */
    @Transactional(readOnly = true)
    public List<Show> showsInHall(UUID hallId, Instant from, Instant to) {
        venues.hall(hallId);
        return shows.inHall(hallId, from, to);
    }

    private void requireChangeable(Show show) {
        if (show.status() == Show.Status.CANCELLED) {
            throw RequestRejectedException.conflict("SHOW_CANCELLED", "The show is cancelled");
        }
        if (!show.startsAt().isAfter(clock.instant())) {
            throw RequestRejectedException.conflict("SHOW_STARTED", "The show has started and can no longer change");
        }
    }

    /** Checks a new or changed show against the clock, its hall's prices and the hall's other shows. */
    private void check(Hall hall, Show show) {
        if (!show.startsAt().isAfter(clock.instant())) {
            throw RequestRejectedException.unprocessable("SHOW_IN_PAST", "A show cannot start in the past");
        }
        checkPrices(hall, show.prices());
        if (!show.salesOpenAt().isBefore(show.salesCloseAt()) || show.salesCloseAt().isAfter(show.endsAt())) {
            throw RequestRejectedException.unprocessable("INVALID_SALES_WINDOW",
                    "Sales must open before they close, and close by the end of the show (" + show.endsAt() + ")");
        }
        if (shows.overlaps(hall.id(), show.id(), Show.Status.SCHEDULED, show.startsAt(), show.endsAt())) {
            throw RequestRejectedException.conflict("SHOW_OVERLAP",
                    "Hall " + hall.name() + " already has a show between " + show.startsAt() + " and " + show.endsAt());
        }
    }

    private static <T> T known(Supplier<T> lookup) {
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
            if (price.price().signum() <= 0 || price.price().scale() > 2 || price.price().compareTo(MAX_PRICE) > 0) {
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

    private static Map<SeatType, Long> seatsPerType(SeatLayout layout) {
        return layout.rows().stream().flatMap(row -> row.seats().stream())
                .collect(Collectors.groupingBy(SeatLayout.Seat::type, Collectors.counting()));
    }

    private static List<ShowScheduled.Price> eventPrices(Show show) {
        return show.prices().stream()
                .map(price -> new ShowScheduled.Price(price.seatType().name(), price.price(), price.currency()))
                .toList();
    }

    private ShowScheduled scheduled(Show show, Movie movie, Hall hall) {
        var rows = hall.layout().rows().stream()
                .map(row -> new ShowScheduled.Row(row.row(), row.seats().stream()
                        .map(seat -> new ShowScheduled.Seat(row.row() + seat.number(), seat.number(), seat.type().name(),
                                seat.aisleAfter()))
                        .toList()))
                .toList();
        return new ShowScheduled(UUID.randomUUID(), clock.instant(), show.id(), movie.id(), movie.title(),
                hall.cinemaId(), hall.id(), hall.name(), show.startsAt(), show.endsAt(), show.salesOpenAt(),
                show.salesCloseAt(), rows, eventPrices(show));
    }
}
