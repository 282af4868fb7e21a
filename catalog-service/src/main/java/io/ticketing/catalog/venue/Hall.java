package io.ticketing.catalog.venue;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.ticketing.catalog.AdminManaged;

/**
 * A hall of a cinema and its seats. The layout is stored as one JSON document; its seat count is stored beside it for
 * listings. A hall stays in its cinema.
 */
@Entity
public class Hall extends AdminManaged {

    @Id
    private UUID id;
    private UUID cinemaId;
    private String name;
    @JdbcTypeCode(SqlTypes.JSON)
    private SeatLayout layout;
    private int seatCount;

    protected Hall() {
    }

    /** A hall as an admin or the demo catalog describes it; {@code id} null for a new one the catalog names. */
    public Hall(UUID id, UUID cinemaId, String name, SeatLayout layout) {
        this.id = id;
        this.cinemaId = cinemaId;
        change(name, layout);
    }

    void change(String name, SeatLayout layout) {
        this.name = name;
        this.layout = layout;
        this.seatCount = layout.seatCount();
    }

    public UUID id() {
        return id;
    }

    public UUID cinemaId() {
        return cinemaId;
    }

    public String name() {
        return name;
    }

    public SeatLayout layout() {
        return layout;
    }
}
