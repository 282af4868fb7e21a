package io.ticketing.catalog.venue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Storage of cities, cinemas and halls. */
@Repository
public class Venues {

    private static final String CITY = "SELECT id, name, country, latitude, longitude, time_zone FROM city";
    private static final String CINEMA = "SELECT id, city_id, name, address, postal_code, latitude, longitude FROM cinema";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Venues(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(City city) {
        jdbc.sql("INSERT INTO city (id, name, country, latitude, longitude, time_zone) VALUES (?, ?, ?, ?, ?, ?)")
                .params(city.id(), city.name(), city.country(), city.latitude(), city.longitude(), city.timeZone())
                .update();
    }

    void update(City city) {
        jdbc.sql("UPDATE city SET name = ?, country = ?, latitude = ?, longitude = ?, time_zone = ? WHERE id = ?")
                .params(city.name(), city.country(), city.latitude(), city.longitude(), city.timeZone(), city.id())
                .update();
    }

    void deleteCity(UUID id) {
        jdbc.sql("DELETE FROM city WHERE id = ?").param(id).update();
    }

    void insert(Cinema cinema) {
        jdbc.sql("""
                INSERT INTO cinema (id, city_id, name, address, postal_code, latitude, longitude)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(cinema.id(), cinema.cityId(), cinema.name(), cinema.address(), cinema.postalCode(),
                        cinema.latitude(), cinema.longitude())
                .update();
    }

    void update(Cinema cinema) {
        jdbc.sql("""
                UPDATE cinema SET city_id = ?, name = ?, address = ?, postal_code = ?, latitude = ?, longitude = ?
                WHERE id = ?""")
                .params(cinema.cityId(), cinema.name(), cinema.address(), cinema.postalCode(), cinema.latitude(),
                        cinema.longitude(), cinema.id())
                .update();
    }

    void deleteCinema(UUID id) {
        jdbc.sql("DELETE FROM cinema WHERE id = ?").param(id).update();
    }

    void insert(Hall hall) {
        jdbc.sql("INSERT INTO hall (id, cinema_id, name, layout, seat_count) VALUES (?, ?, ?, ?::jsonb, ?)")
                .params(hall.id(), hall.cinemaId(), hall.name(), json.writeValueAsString(hall.layout()),
                        hall.layout().seatCount())
                .update();
    }

    void update(Hall hall) {
        jdbc.sql("UPDATE hall SET name = ?, layout = ?::jsonb, seat_count = ? WHERE id = ?")
                .params(hall.name(), json.writeValueAsString(hall.layout()), hall.layout().seatCount(), hall.id())
                .update();
    }

    void deleteHall(UUID id) {
        jdbc.sql("DELETE FROM hall WHERE id = ?").param(id).update();
    }

    public List<City> cities() {
        return jdbc.sql(CITY + " ORDER BY country, name").query(City.class).list();
    }

    public Optional<City> city(UUID id) {
        return jdbc.sql(CITY + " WHERE id = ?").param(id).query(City.class).optional();
    }

    Optional<City> cityNamed(String name, String country) {
        return jdbc.sql(CITY + " WHERE name = ? AND country = ?").params(name, country).query(City.class).optional();
    }

    public Optional<Cinema> cinema(UUID id) {
        return jdbc.sql(CINEMA + " WHERE id = ?").param(id).query(Cinema.class).optional();
    }

    List<Cinema> cinemas(UUID cityId) {
        return jdbc.sql(CINEMA + " WHERE city_id = ? ORDER BY name, id").param(cityId).query(Cinema.class).list();
    }

    int cinemaCount(UUID cityId) {
        return jdbc.sql("SELECT count(*) FROM cinema WHERE city_id = ?").param(cityId).query(Integer.class).single();
    }

    Optional<UUID> hallNamed(UUID cinemaId, String name) {
        return jdbc.sql("SELECT id FROM hall WHERE cinema_id = ? AND name = ?").params(cinemaId, name)
                .query(UUID.class).optional();
    }

    List<HallSummary> halls(UUID cinemaId) {
        return jdbc.sql("SELECT id, name, seat_count FROM hall WHERE cinema_id = ? ORDER BY name").param(cinemaId)
                .query(HallSummary.class).list();
    }

    int hallCount(UUID cinemaId) {
        return jdbc.sql("SELECT count(*) FROM hall WHERE cinema_id = ?").param(cinemaId).query(Integer.class).single();
    }

    public Optional<Hall> hall(UUID id) {
        return jdbc.sql("SELECT id, cinema_id, name, layout FROM hall WHERE id = ?").param(id)
                .query((rs, n) -> new Hall(rs.getObject("id", UUID.class), rs.getObject("cinema_id", UUID.class),
                        rs.getString("name"), json.readValue(rs.getString("layout"), SeatLayout.class)))
                .optional();
    }

    int showCount(UUID hallId) {
        return jdbc.sql("SELECT count(*) FROM show WHERE hall_id = ?").param(hallId).query(Integer.class).single();
    }

    int upcomingShowCount(UUID hallId, Instant now) {
        return jdbc.sql("SELECT count(*) FROM show WHERE hall_id = ? AND status = 'SCHEDULED' AND ends_at > ?")
                .params(hallId, now.atOffset(ZoneOffset.UTC)).query(Integer.class).single();
    }

    /** Locks the hall row so that concurrent schedulings of the same hall serialize. */
    void lockHall(UUID id) {
        jdbc.sql("SELECT id FROM hall WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional();
    }
}
