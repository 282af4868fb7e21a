package io.ticketing.catalog.venue;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.ticketing.catalog.AdminManaged;

/** A city; its time zone decides which shows are "on" a local date. */
@Entity
public class City extends AdminManaged {

    @Id
    private UUID id;
    private String name;
    private String country;
    private double latitude;
    private double longitude;
    private String timeZone;

    protected City() {
    }

    /** A city as an admin or the demo catalog describes it; {@code id} null for a new one the catalog names. */
    public City(UUID id, String name, String country, double latitude, double longitude, String timeZone) {
        this.id = id;
        change(name, country, latitude, longitude, timeZone);
    }

    void change(String name, String country, double latitude, double longitude, String timeZone) {
        this.name = name;
        this.country = country;
        this.latitude = latitude;
        this.longitude = longitude;
        this.timeZone = timeZone;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String country() {
        return country;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }

    public String timeZone() {
        return timeZone;
    }
}
