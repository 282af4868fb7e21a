package io.ticketing.catalog.venue;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.starter.RequestRejectedException;

/** Administers the places where shows run. */
@Service
public class VenueManagement {

    private final Venues venues;

    VenueManagement(Venues venues) {
        this.venues = venues;
    }

    @Transactional
    public City createCity(String name, String country, double latitude, double longitude) {
        if (venues.cityExists(name, country)) {
            throw RequestRejectedException.conflict("CITY_EXISTS", "City " + name + ", " + country + " exists");
        }
        var city = new City(UUID.randomUUID(), name, country, latitude, longitude);
        venues.save(city);
        return city;
    }

    @Transactional
    public Cinema createCinema(UUID cityId, String name, String address, String postalCode, double latitude,
            double longitude) {
        venues.city(cityId).orElseThrow(() -> RequestRejectedException.unprocessable("UNKNOWN_CITY",
                "City " + cityId + " does not exist"));
        var cinema = new Cinema(UUID.randomUUID(), cityId, name, address, postalCode, latitude, longitude);
        venues.save(cinema);
        return cinema;
    }

    @Transactional
    public Hall createHall(UUID cinemaId, String name, SeatLayout layout) {
        cinema(cinemaId);
        if (venues.hallExists(cinemaId, name)) {
            throw RequestRejectedException.conflict("HALL_EXISTS", "The cinema already has a hall named " + name);
        }
        var hall = new Hall(UUID.randomUUID(), cinemaId, name, layout.validated());
        venues.save(hall);
        return hall;
    }

    @Transactional(readOnly = true)
    public List<City> cities() {
        return venues.cities();
    }

    @Transactional(readOnly = true)
    public Cinema cinema(UUID id) {
        return venues.cinema(id).orElseThrow(() -> RequestRejectedException.notFound("CINEMA_NOT_FOUND",
                "Cinema " + id + " does not exist"));
    }

    /**
     * The hall, locked until the caller's transaction ends, so that two shows scheduled into it at the same
     * time are checked for overlap one after the other.
     */
    @Transactional
    public Hall hallForScheduling(UUID id) {
        venues.lockHall(id);
        return hall(id);
    }

    @Transactional(readOnly = true)
    public Hall hall(UUID id) {
        return venues.hall(id).orElseThrow(() -> RequestRejectedException.notFound("HALL_NOT_FOUND",
                "Hall " + id + " does not exist"));
    }
}
