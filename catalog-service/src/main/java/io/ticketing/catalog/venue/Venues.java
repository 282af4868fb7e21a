package io.ticketing.catalog.venue;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.events.catalog.CatalogChanged;
import io.ticketing.events.catalog.CatalogChanged.Change;
import io.ticketing.events.catalog.CatalogChanged.Entity;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.web.Versions;

/**
 * Administers the places where shows run. Every change publishes {@link CatalogChanged} in its transaction
 * (outbox), which keeps the search index and the browse caches of every instance up to date. A change or a deletion
 * names the version the admin read ({@code ifMatch}, its {@code ETag}): required for a change, checked when given for
 * a deletion.
 */
@Service
public class Venues {

    private final CityRepository cities;
    private final CinemaRepository cinemas;
    private final HallRepository halls;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Venues(CityRepository cities, CinemaRepository cinemas, HallRepository halls, ApplicationEventPublisher events,
            Clock clock) {
        this.cities = cities;
        this.cinemas = cinemas;
        this.halls = halls;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public City createCity(City draft) {
        var city = new City(draft.id() == null ? UUID.randomUUID() : draft.id(), draft.name(), draft.country(),
                draft.latitude(), draft.longitude(), checkedZone(draft.timeZone()));
        if (cities.findByNameAndCountry(city.name(), city.country()).isPresent()) {
            throw cityExists(city.name(), city.country());
        }
        cities.saveAndFlush(city);
        changed(Entity.CITY, city.id(), Change.CREATED);
        return city;
    }

    @Transactional
    public City updateCity(UUID id, String ifMatch, City changes) {
        City city = city(id);
        Versions.requireMatch(ifMatch, city.version());
        if (cities.findByNameAndCountry(changes.name(), changes.country()).filter(other -> !other.id().equals(id))
                .isPresent()) {
            throw cityExists(changes.name(), changes.country());
        }
        city.change(changes.name(), changes.country(), changes.latitude(), changes.longitude(),
                checkedZone(changes.timeZone()));
        cities.saveAndFlush(city);
        changed(Entity.CITY, id, Change.UPDATED);
        return city;
    }

    @Transactional
    public void deleteCity(UUID id, String ifMatch) {
        City city = city(id);
        Versions.requireMatchIfSent(ifMatch, city.version());
        if (cinemas.existsByCityId(id)) {
            throw RequestRejectedException.conflict("CITY_IN_USE", "The city has cinemas; delete them first");
        }
        cities.delete(city);
        changed(Entity.CITY, id, Change.DELETED);
    }

    @Transactional
    public Cinema createCinema(Cinema draft) {
        knownCity(draft.cityId());
        var cinema = new Cinema(draft.id() == null ? UUID.randomUUID() : draft.id(), draft.cityId(), draft.name(),
                draft.address(), draft.postalCode(), draft.latitude(), draft.longitude());
        cinemas.saveAndFlush(cinema);
        changed(Entity.CINEMA, cinema.id(), Change.CREATED);
        return cinema;
    }

    @Transactional
    public Cinema updateCinema(UUID id, String ifMatch, Cinema changes) {
        Cinema cinema = cinema(id);
        Versions.requireMatch(ifMatch, cinema.version());
        knownCity(changes.cityId());
        cinema.change(changes.cityId(), changes.name(), changes.address(), changes.postalCode(), changes.latitude(),
                changes.longitude());
        cinemas.saveAndFlush(cinema);
        changed(Entity.CINEMA, id, Change.UPDATED);
        return cinema;
    }

    @Transactional
    public void deleteCinema(UUID id, String ifMatch) {
        Cinema cinema = cinema(id);
        Versions.requireMatchIfSent(ifMatch, cinema.version());
        if (halls.existsByCinemaId(id)) {
            throw RequestRejectedException.conflict("CINEMA_IN_USE", "The cinema has halls; delete them first");
        }
        cinemas.delete(cinema);
        changed(Entity.CINEMA, id, Change.DELETED);
    }

    @Transactional
    public Hall createHall(UUID cinemaId, UUID id, String name, SeatLayout layout) {
        cinema(cinemaId);
        if (halls.findIdByCinemaIdAndName(cinemaId, name).isPresent()) {
            throw hallExists(name);
        }
        var hall = new Hall(id == null ? UUID.randomUUID() : id, cinemaId, name, layout.validated());
        halls.saveAndFlush(hall);
        changed(Entity.HALL, hall.id(), Change.CREATED);
        return hall;
    }

    /**
     * Renames a hall or changes its seats. Seats cannot change under a show that is still to come: its seat
     * map, holds and tickets are built on the layout it was scheduled with.
     */
    @Transactional
    public Hall updateHall(UUID id, String ifMatch, String name, SeatLayout layout) {
        Hall hall = hallForScheduling(id);
        Versions.requireMatch(ifMatch, hall.version());
        if (halls.findIdByCinemaIdAndName(hall.cinemaId(), name).filter(other -> !other.equals(id)).isPresent()) {
            throw hallExists(name);
        }
        SeatLayout seats = layout.validated();
        if (!seats.equals(hall.layout()) && halls.hasShowsToCome(id, clock.instant())) {
            throw RequestRejectedException.conflict("HALL_IN_USE",
                    "Seats cannot change while the hall has shows to come; cancel them first");
        }
        hall.change(name, seats);
        halls.saveAndFlush(hall);
        changed(Entity.HALL, id, Change.UPDATED);
        return hall;
    }

    /** Deletes a hall that never had a show; a hall with a history stays for its tickets and sales. */
    @Transactional
    public void deleteHall(UUID id, String ifMatch) {
        Hall hall = hallForScheduling(id);
        Versions.requireMatchIfSent(ifMatch, hall.version());
        if (halls.hasShows(id)) {
            throw RequestRejectedException.conflict("HALL_IN_USE", "The hall has shows and is kept for their records");
        }
        halls.delete(hall);
        changed(Entity.HALL, id, Change.DELETED);
    }

    @Transactional(readOnly = true)
    public List<City> cities() {
        return cities.findAllByOrderByCountryAscNameAsc();
    }

    @Transactional(readOnly = true)
    public City city(UUID id) {
        return cities.findById(id).orElseThrow(() -> RequestRejectedException.notFound("CITY_NOT_FOUND",
                "City " + id + " does not exist"));
    }

    @Transactional(readOnly = true)
    public Cinema cinema(UUID id) {
        return cinemas.findById(id).orElseThrow(() -> RequestRejectedException.notFound("CINEMA_NOT_FOUND",
                "Cinema " + id + " does not exist"));
    }

    /** The cinemas of a city, by name. */
    @Transactional(readOnly = true)
    public List<Cinema> cinemas(UUID cityId) {
        city(cityId);
        return cinemas.findByCityIdOrderByNameAscIdAsc(cityId);
    }

    @Transactional(readOnly = true)
    public List<HallSummary> halls(UUID cinemaId) {
        cinema(cinemaId);
        return halls.summaries(cinemaId);
    }

    /**
     * The hall, locked until the caller's transaction ends, so that two shows scheduled into it at the same
     * time are checked for overlap one after the other.
     */
    @Transactional
    public Hall hallForScheduling(UUID id) {
        return halls.findLocked(id).orElseThrow(() -> hallNotFound(id));
    }

    @Transactional(readOnly = true)
    public Hall hall(UUID id) {
        return halls.findById(id).orElseThrow(() -> hallNotFound(id));
    }

    private void knownCity(UUID cityId) {
        if (!cities.existsById(cityId)) {
            throw RequestRejectedException.unprocessable("UNKNOWN_CITY", "City " + cityId + " does not exist");
        }
    }

    private void changed(Entity entity, UUID id, Change change) {
        events.publishEvent(new CatalogChanged(UUID.randomUUID(), clock.instant(), entity, id, change));
    }

    private static String checkedZone(String zone) {
        if (zone == null) {
            return "UTC";
        }
        try {
            return ZoneId.of(zone).getId();
        }
        catch (DateTimeException ex) {
            throw RequestRejectedException.unprocessable("INVALID_TIME_ZONE",
                    "Unknown time zone '" + zone + "'; use an IANA name such as Europe/Amsterdam");
        }
    }

    private static RequestRejectedException hallNotFound(UUID id) {
        return RequestRejectedException.notFound("HALL_NOT_FOUND", "Hall " + id + " does not exist");
    }

    private static RequestRejectedException cityExists(String name, String country) {
        return RequestRejectedException.conflict("CITY_EXISTS", "City " + name + ", " + country + " exists");
    }

    private static RequestRejectedException hallExists(String name) {
        return RequestRejectedException.conflict("HALL_EXISTS", "The cinema already has a hall named " + name);
    }
}
