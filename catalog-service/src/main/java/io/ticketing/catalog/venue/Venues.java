package io.ticketing.catalog.venue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Storage of cities, cinemas and halls. */
@Repository
public class Venues {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Venues(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(City city) {
        jdbc.sql("INSERT INTO city (id, name, country, latitude, longitude) VALUES (?, ?, ?, ?, ?)")
                .params(city.id(), city.name(), city.country(), city.latitude(), city.longitude())
                .update();
    }

    void save(Cinema cinema) {
        jdbc.sql("""
                INSERT INTO cinema (id, city_id, name, address, postal_code, latitude, longitude)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(cinema.id(), cinema.cityId(), cinema.name(), cinema.address(), cinema.postalCode(),
                        cinema.latitude(), cinema.longitude())
                .update();
    }

    void save(Hall hall) {
        jdbc.sql("INSERT INTO hall (id, cinema_id, name, layout, seat_count) VALUES (?, ?, ?, ?::jsonb, ?)")
                .params(hall.id(), hall.cinemaId(), hall.name(), json.writeValueAsString(hall.layout()),
                        hall.layout().seatCount())
                .update();
    }

    public List<City> cities() {
        return jdbc.sql("SELECT id, name, country, latitude, longitude FROM city ORDER BY country, name")
                .query(City.class).list();
    }

    public Optional<City> city(UUID id) {
        return jdbc.sql("SELECT id, name, country, latitude, longitude FROM city WHERE id = ?").param(id)
                .query(City.class).optional();
    }

    boolean cityExists(String name, String country) {
        return jdbc.sql("SELECT count(*) FROM city WHERE name = ? AND country = ?").params(name, country)
                .query(Integer.class).single() > 0;
    }

    public Optional<Cinema> cinema(UUID id) {
        return jdbc.sql("""
                SELECT id, city_id, name, address, postal_code, latitude, longitude FROM cinema WHERE id = ?""")
                .param(id).query(Cinema.class).optional();
    }

    boolean hallExists(UUID cinemaId, String name) {
        return jdbc.sql("SELECT count(*) FROM hall WHERE cinema_id = ? AND name = ?").params(cinemaId, name)
                .query(Integer.class).single() > 0;
    }

    public Optional<Hall> hall(UUID id) {
        return jdbc.sql("SELECT id, cinema_id, name, layout FROM hall WHERE id = ?").param(id)
                .query((rs, n) -> new Hall(rs.getObject("id", UUID.class), rs.getObject("cinema_id", UUID.class),
                        rs.getString("name"), json.readValue(rs.getString("layout"), SeatLayout.class)))
                .optional();
    }

    /** Locks the hall row so that concurrent schedulings of the same hall serialize. */
    void lockHall(UUID id) {
        jdbc.sql("SELECT id FROM hall WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional();
    }
}
