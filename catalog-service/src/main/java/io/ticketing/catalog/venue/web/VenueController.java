package io.ticketing.catalog.venue.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.catalog.venue.Cinema;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.Hall;
import io.ticketing.catalog.venue.HallSummary;
import io.ticketing.catalog.venue.VenueManagement;

/** The venue admin API: cities, cinemas and halls. Public reads are in the browse API. */
@RestController
class VenueController {

    private final VenueManagement venues;

    VenueController(VenueManagement venues) {
        this.venues = venues;
    }

    @PostMapping("/api/v1/admin/cities")
    @ResponseStatus(HttpStatus.CREATED)
    City createCity(@Valid @RequestBody VenueRequests.CityBody request) {
        return venues.createCity(request.city());
    }

    @GetMapping("/api/v1/admin/cities/{cityId}")
    City city(@PathVariable UUID cityId) {
        return venues.city(cityId);
    }

    @PutMapping("/api/v1/admin/cities/{cityId}")
    City updateCity(@PathVariable UUID cityId, @Valid @RequestBody VenueRequests.CityBody request) {
        return venues.updateCity(cityId, request.city());
    }

    @DeleteMapping("/api/v1/admin/cities/{cityId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCity(@PathVariable UUID cityId) {
        venues.deleteCity(cityId);
    }

    @GetMapping("/api/v1/admin/cities/{cityId}/cinemas")
    List<Cinema> cinemas(@PathVariable UUID cityId) {
        return venues.cinemas(cityId);
    }

    @PostMapping("/api/v1/admin/cinemas")
    @ResponseStatus(HttpStatus.CREATED)
    Cinema createCinema(@Valid @RequestBody VenueRequests.CinemaBody request) {
        return venues.createCinema(request.cinema());
    }

    @GetMapping("/api/v1/admin/cinemas/{cinemaId}")
    Cinema cinema(@PathVariable UUID cinemaId) {
        return venues.cinema(cinemaId);
    }

    @PutMapping("/api/v1/admin/cinemas/{cinemaId}")
    Cinema updateCinema(@PathVariable UUID cinemaId, @Valid @RequestBody VenueRequests.CinemaBody request) {
        return venues.updateCinema(cinemaId, request.cinema());
    }

    @DeleteMapping("/api/v1/admin/cinemas/{cinemaId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCinema(@PathVariable UUID cinemaId) {
        venues.deleteCinema(cinemaId);
    }

    @PostMapping("/api/v1/admin/cinemas/{cinemaId}/halls")
    @ResponseStatus(HttpStatus.CREATED)
    Hall createHall(@PathVariable UUID cinemaId, @Valid @RequestBody VenueRequests.HallBody request) {
        return venues.createHall(cinemaId, null, request.name().strip(), request.layout());
    }

    @GetMapping("/api/v1/admin/cinemas/{cinemaId}/halls")
    List<HallSummary> halls(@PathVariable UUID cinemaId) {
        return venues.halls(cinemaId);
    }

    @GetMapping("/api/v1/admin/halls/{hallId}")
    Hall hall(@PathVariable UUID hallId) {
        return venues.hall(hallId);
    }

    @PutMapping("/api/v1/admin/halls/{hallId}")
    Hall updateHall(@PathVariable UUID hallId, @Valid @RequestBody VenueRequests.HallBody request) {
        return venues.updateHall(hallId, request.name().strip(), request.layout());
    }

    @DeleteMapping("/api/v1/admin/halls/{hallId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteHall(@PathVariable UUID hallId) {
        venues.deleteHall(hallId);
    }
}
