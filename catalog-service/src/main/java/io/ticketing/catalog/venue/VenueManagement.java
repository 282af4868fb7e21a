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

/**
 * Administers the places where shows run. Every change publishes {@link CatalogChanged} in its transaction
 * (outbox), which keeps the search index and the browse caches of every instance up to date.
 */
@Service
public class VenueManagement {

    private final Venues venues;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VenueManagement(Venues venues, ApplicationEventPublisher events, Clock clock) {
        this.venues = venues;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public City createCity(City draft) {
        var city = new City(draft.id() == null ? UUID.randomUUID() : draft.id(), draft.name(), draft.country(),
                draft.latitude(), draft.longitude(), checkedZone(draft.timeZone()));
        if (venues.cityNamed(city.name(), city.country()).isPresent()) {
            throw cityExists(city);
        }
        venues.insert(city);
        changed(Entity.CITY, city.id(), Change.CREATED);
        return city;
    }

    @Transactional
    public City updateCity(UUID id, City changes) {
        city(id);
        var city = new City(id, changes.name(), changes.country(), changes.latitude(), changes.longitude(),
                checkedZone(changes.timeZone()));
        if (venues.cityNamed(city.name(), city.country()).filter(other -> !other.id().equals(id)).isPresent()) {
            throw cityExists(city);
        }
        venues.update(city);
        changed(Entity.CITY, id, Change.UPDATED);
        return city;
    }

    @Transactional
    public void deleteCity(UUID id) {
        city(id);
        if (venues.cinemaCount(id) > 0) {
            throw RequestRejectedException.conflict("CITY_IN_USE", "The city has cinemas; delete them first");
        }
        venues.deleteCity(id);
        changed(Entity.CITY, id, Change.DELETED);
    }

    @Transactional
    public Cinema createCinema(Cinema draft) {
        knownCity(draft.cityId());
        var cinema = new Cinema(draft.id() == null ? UUID.randomUUID() : draft.id(), draft.cityId(), draft.name(),
                draft.address(), draft.postalCode(), draft.latitude(), draft.longitude());
        venues.insert(cinema);
        changed(Entity.CINEMA, cinema.id(), Change.CREATED);
        return cinema;
    }

    @Transactional
    public Cinema updateCinema(UUID id, Cinema changes) {
        cinema(id);
        knownCity(changes.cityId());
        var cinema = new Cinema(id, changes.cityId(), changes.name(), changes.address(), changes.postalCode(),
                changes.latitude(), changes.longitude());
        venues.update(cinema);
        changed(Entity.CINEMA, id, Change.UPDATED);
        return cinema;
    }

    @Transactional
    public void deleteCinema(UUID id) {
        cinema(id);
        if (venues.hallCount(id) > 0) {
            throw RequestRejectedException.conflict("CINEMA_IN_USE", "The cinema has halls; delete them first");
        }
        venues.deleteCinema(id);
        changed(Entity.CINEMA, id, Change.DELETED);
    }

    @Transactional
    public Hall createHall(UUID cinemaId, UUID id, String name, SeatLayout layout) {
        cinema(cinemaId);
        if (venues.hallNamed(cinemaId, name).isPresent()) {
            throw hallExists(name);
        }
        var hall = new Hall(id == null ? UUID.randomUUID() : id, cinemaId, name, layout.validated());
        venues.insert(hall);
        changed(Entity.HALL, hall.id(), Change.CREATED);
        return hall;
    }

    /**
     * Renames a hall or changes its seats. Seats cannot change under a show that is still to come: its seat
     * map, holds and tickets are built on the layout it was scheduled with.
     */
    @Transactional
    public Hall updateHall(UUID id, String name, SeatLayout layout) {
        Hall current = hallForScheduling(id);
        if (venues.hallNamed(current.cinemaId(), name).filter(other -> !other.equals(id)).isPresent()) {
            throw hallExists(name);
        }
        var hall = new Hall(id, current.cinemaId(), name, layout.validated());
        if (!hall.layout().equals(current.layout()) && venues.upcomingShowCount(id, clock.instant()) > 0) {
            throw RequestRejectedException.conflict("HALL_IN_USE",
                    "Seats cannot change while the hall has shows to come; cancel them first");
        }
        venues.update(hall);
        changed(Entity.HALL, id, Change.UPDATED);
        return hall;
    }

    /** Deletes a hall that never had a show; a hall with a history stays for its tickets and sales. */
    @Transactional
    public void deleteHall(UUID id) {
        hallForScheduling(id);
        if (venues.showCount(id) > 0) {
            throw RequestRejectedException.conflict("HALL_IN_USE", "The hall has shows and is kept for their records");
        }
        venues.deleteHall(id);
        changed(Entity.HALL, id, Change.DELETED);
    }

    @Transactional(readOnly = true)
    public List<City> cities() {
        return venues.cities();
    }

    @Transactional(readOnly = true)
    public City city(UUID id) {
        return venues.city(id).orElseThrow(() -> RequestRejectedException.notFound("CITY_NOT_FOUND",
                "City " + id + " does not exist"));
    }

    @Transactional(readOnly = true)
    public Cinema cinema(UUID id) {
        return venues.cinema(id).orElseThrow(() -> RequestRejectedException.notFound("CINEMA_NOT_FOUND",
                "Cinema " + id + " does not exist"));
    }

    /** The cinemas of a city, by name. */
    @Transactional(readOnly = true)
    public List<Cinema> cinemas(UUID cityId) {
        city(cityId);
        return venues.cinemas(cityId);
    }

    @Transactional(readOnly = true)
    public List<HallSummary> halls(UUID cinemaId) {
        cinema(cinemaId);
        return venues.halls(cinemaId);
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

    private void knownCity(UUID cityId) {
        if (venues.city(cityId).isEmpty()) {
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

    private static RequestRejectedException cityExists(City city) {
        return RequestRejectedException.conflict("CITY_EXISTS", "City " + city.name() + ", " + city.country() + " exists");
    }

    private static RequestRejectedException hallExists(String name) {
        return RequestRejectedException.conflict("HALL_EXISTS", "The cinema already has a hall named " + name);
    }
}
