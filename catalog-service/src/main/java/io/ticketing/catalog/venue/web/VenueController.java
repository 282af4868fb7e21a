package io.ticketing.catalog.venue.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.catalog.venue.Cinema;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.Hall;
import io.ticketing.catalog.venue.VenueManagement;

@RestController
class VenueController {

    private final VenueManagement venues;

    VenueController(VenueManagement venues) {
        this.venues = venues;
    }

    @GetMapping("/api/v1/cities")
    List<City> cities() {
        return venues.cities();
    }

    @GetMapping("/api/v1/cinemas/{cinemaId}")
    Cinema cinema(@PathVariable UUID cinemaId) {
        return venues.cinema(cinemaId);
    }

    @PostMapping("/api/v1/admin/cities")
    @ResponseStatus(HttpStatus.CREATED)
    City createCity(@Valid @RequestBody VenueRequests.CreateCity request) {
        return venues.createCity(request.name().strip(), request.country().strip(), request.latitude(),
                request.longitude());
    }

    @PostMapping("/api/v1/admin/cinemas")
    @ResponseStatus(HttpStatus.CREATED)
    Cinema createCinema(@Valid @RequestBody VenueRequests.CreateCinema request) {
        return venues.createCinema(request.cityId(), request.name().strip(), request.address().strip(),
                request.postalCode().strip(), request.latitude(), request.longitude());
    }

    @PostMapping("/api/v1/admin/cinemas/{cinemaId}/halls")
    @ResponseStatus(HttpStatus.CREATED)
    Hall createHall(@PathVariable UUID cinemaId, @Valid @RequestBody VenueRequests.CreateHall request) {
        return venues.createHall(cinemaId, request.name().strip(), request.layout());
    }
}
