package io.ticketing.catalog.show.web;

import static io.ticketing.starter.web.Versions.versioned;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.catalog.show.Show;
import io.ticketing.catalog.show.Shows;
import io.ticketing.catalog.venue.SeatType;
import io.ticketing.starter.RequestRejectedException;

/** The show admin API: schedule, read, change and cancel. */
@RestController
class ShowController {

    private final Shows shows;

    ShowController(Shows shows) {
        this.shows = shows;
    }

    /** Sales open now and close when the show starts unless given. */
    record ScheduleShow(@NotNull UUID movieId, @NotNull UUID hallId, @NotNull Instant startsAt,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull Price> prices, Instant salesOpenAt, Instant salesCloseAt) {
    }

    /** The new time, prices and sale window; sales close when the show starts unless given. */
    record ChangeShow(@NotNull Instant startsAt, @NotEmpty @Size(max = 10) List<@Valid @NotNull Price> prices,
            Instant salesOpenAt, Instant salesCloseAt) {
    }

    record Price(@NotNull SeatType seatType, @NotNull BigDecimal price,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

        Show.Price toPrice() {
            return new Show.Price(seatType, price, currency);
        }
    }

    @PostMapping("/api/v1/admin/shows")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Show> schedule(@Valid @RequestBody ScheduleShow request) {
        return versioned(HttpStatus.CREATED, shows.schedule(new Show.Draft(null, request.movieId(), request.hallId(),
                request.startsAt(), request.salesOpenAt(), request.salesCloseAt(), prices(request.prices()))));
    }

    @GetMapping("/api/v1/admin/shows/{showId}")
    ResponseEntity<Show> show(@PathVariable UUID showId) {
        return versioned(HttpStatus.OK, shows.show(showId));
    }

    /** A hall's shows by start: those starting at or after {@code from} and before {@code to}, both optional. */
    @GetMapping("/api/v1/admin/halls/{hallId}/shows")
    List<Show> showsInHall(@PathVariable UUID hallId, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw RequestRejectedException.invalid("INVALID_PARAMETER", "'from' must be before 'to'");
        }
        return shows.showsInHall(hallId, from, to);
    }

    /** Changes the version of the show the admin read: {@code If-Match} with its {@code ETag} is required. */
    @PutMapping("/api/v1/admin/shows/{showId}")
    ResponseEntity<Show> change(@PathVariable UUID showId, @RequestHeader(name = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody ChangeShow request) {
        return versioned(HttpStatus.OK, shows.update(showId, ifMatch, request.startsAt(), request.salesOpenAt(),
                request.salesCloseAt(), prices(request.prices())));
    }

    /** Cancels the show; with {@code If-Match}, only the version the admin read. */
    @DeleteMapping("/api/v1/admin/shows/{showId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable UUID showId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        shows.cancel(showId, ifMatch);
    }

    private static List<Show.Price> prices(List<Price> prices) {
        return prices.stream().map(Price::toPrice).toList();
    }
}
