package io.ticketing.catalog.venue.web;

import static io.ticketing.starter.web.Versions.versioned;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.catalog.venue.Cinema;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.Hall;
import io.ticketing.catalog.venue.HallSummary;
import io.ticketing.catalog.venue.Venues;

/**
 * The venue admin API: cities, cinemas and halls. Each is answered with its version as {@code ETag}; a change needs
 * it in {@code If-Match}, a deletion checks it when sent. Public reads are in the browse API.
 */
@RestController
class VenueController {

    private final Venues venues;

    VenueController(Venues venues) {
        this.venues = venues;
    }

    @PostMapping("/api/v1/admin/cities")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<City> createCity(@Valid @RequestBody VenueRequests.CityBody request) {
        return versioned(HttpStatus.CREATED, venues.createCity(request.city()));
    }

    @GetMapping("/api/v1/admin/cities/{cityId}")
    ResponseEntity<City> city(@PathVariable UUID cityId) {
        return versioned(HttpStatus.OK, venues.city(cityId));
    }

    @PutMapping("/api/v1/admin/cities/{cityId}")
    ResponseEntity<City> updateCity(@PathVariable UUID cityId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody VenueRequests.CityBody request) {
        return versioned(HttpStatus.OK, venues.updateCity(cityId, ifMatch, request.city()));
    }

    @DeleteMapping("/api/v1/admin/cities/{cityId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCity(@PathVariable UUID cityId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        venues.deleteCity(cityId, ifMatch);
    }

    @GetMapping("/api/v1/admin/cities/{cityId}/cinemas")
    List<Cinema> cinemas(@PathVariable UUID cityId) {
        return venues.cinemas(cityId);
    }

    @PostMapping("/api/v1/admin/cinemas")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Cinema> createCinema(@Valid @RequestBody VenueRequests.CinemaBody request) {
        return versioned(HttpStatus.CREATED, venues.createCinema(request.cinema()));
    }

    @GetMapping("/api/v1/admin/cinemas/{cinemaId}")
    ResponseEntity<Cinema> cinema(@PathVariable UUID cinemaId) {
        return versioned(HttpStatus.OK, venues.cinema(cinemaId));
    }

    @PutMapping("/api/v1/admin/cinemas/{cinemaId}")
    ResponseEntity<Cinema> updateCinema(@PathVariable UUID cinemaId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody VenueRequests.CinemaBody request) {
        return versioned(HttpStatus.OK, venues.updateCinema(cinemaId, ifMatch, request.cinema()));
    }

    @DeleteMapping("/api/v1/admin/cinemas/{cinemaId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCinema(@PathVariable UUID cinemaId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        venues.deleteCinema(cinemaId, ifMatch);
    }

    @PostMapping("/api/v1/admin/cinemas/{cinemaId}/halls")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Hall> createHall(@PathVariable UUID cinemaId, @Valid @RequestBody VenueRequests.HallBody request) {
        return versioned(HttpStatus.CREATED, venues.createHall(cinemaId, null, request.name().strip(),
                request.layout()));
    }

    @GetMapping("/api/v1/admin/cinemas/{cinemaId}/halls")
    List<HallSummary> halls(@PathVariable UUID cinemaId) {
        return venues.halls(cinemaId);
    }

    @GetMapping("/api/v1/admin/halls/{hallId}")
    ResponseEntity<Hall> hall(@PathVariable UUID hallId) {
        return versioned(HttpStatus.OK, venues.hall(hallId));
    }

    @PutMapping("/api/v1/admin/halls/{hallId}")
    ResponseEntity<Hall> updateHall(@PathVariable UUID hallId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody VenueRequests.HallBody request) {
        return versioned(HttpStatus.OK, venues.updateHall(hallId, ifMatch, request.name().strip(), request.layout()));
    }

    @DeleteMapping("/api/v1/admin/halls/{hallId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteHall(@PathVariable UUID hallId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        venues.deleteHall(hallId, ifMatch);
    }
}
