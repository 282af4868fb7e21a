package io.ticketing.catalog.show.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.catalog.show.Show;
import io.ticketing.catalog.show.ShowManagement;
import io.ticketing.catalog.venue.SeatType;

@RestController
class ShowController {

    private final ShowManagement shows;

    ShowController(ShowManagement shows) {
        this.shows = shows;
    }

    record ScheduleShow(@NotNull UUID movieId, @NotNull UUID hallId, @NotNull Instant startsAt,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull Price> prices) {
    }

    record Price(@NotNull SeatType seatType, @NotNull BigDecimal price,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    @PostMapping("/api/v1/admin/shows")
    @ResponseStatus(HttpStatus.CREATED)
    Show schedule(@Valid @RequestBody ScheduleShow request) {
        return shows.schedule(request.movieId(), request.hallId(), request.startsAt(), request.prices().stream()
                .map(price -> new Show.Price(price.seatType(), price.price(), price.currency()))
                .toList());
    }

    @GetMapping("/api/v1/admin/shows/{showId}")
    Show show(@PathVariable UUID showId) {
        return shows.show(showId);
    }
}
