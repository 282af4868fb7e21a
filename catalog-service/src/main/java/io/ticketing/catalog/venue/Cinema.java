package io.ticketing.catalog.venue;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.ticketing.catalog.AdminManaged;

/** A cinema in a city; its halls are where shows run. */
@Entity
public class Cinema extends AdminManaged {

    @Id
    private UUID id;
    private UUID cityId;
    private String name;
    private String address;
    private String postalCode;
    private double latitude;
    private double longitude;

    protected Cinema() {
    }

    /** A cinema as an admin or the demo catalog describes it; {@code id} null for a new one the catalog names. */
    public Cinema(UUID id, UUID cityId, String name, String address, String postalCode, double latitude,
            double longitude) {
        this.id = id;
        change(cityId, name, address, postalCode, latitude, longitude);
    }

    void change(UUID cityId, String name, String address, String postalCode, double latitude, double longitude) {
        this.cityId = cityId;
        this.name = name;
        this.address = address;
        this.postalCode = postalCode;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public UUID id() {
        return id;
    }

    public UUID cityId() {
        return cityId;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String postalCode() {
        return postalCode;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }
}
