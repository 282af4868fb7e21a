package io.ticketing.catalog.show;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.ticketing.catalog.AdminManaged;
import io.ticketing.catalog.venue.SeatType;

/**
 * A movie in a hall at a time, with a price per seat type. Seats can be held and sold between {@code salesOpenAt}
 * and {@code salesCloseAt}. Movie and hall never change: the seat map, holds and tickets of the show were built on
 * them.
 *
 * <p>The show's {@code version} counts its states (1 as scheduled, one more per change), guards it against lost
 * updates (a change based on an older version fails) and is carried by {@code ShowUpdated}, so that consumers
 * apply only newer states. Who scheduled and last changed it, and when, is kept with it.
 */
@Entity
@Table(name = "show")
public class Show extends AdminManaged {

    @Id
    private UUID id;
    private UUID movieId;
    private UUID hallId;
    private Instant startsAt;
    private Instant endsAt;
    private Instant salesOpenAt;
    private Instant salesCloseAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "show_price", joinColumns = @JoinColumn(name = "show_id"))
    @OrderBy("seatType")
    private List<Price> prices = new ArrayList<>();

    protected Show() {
    }

    Show(UUID id, UUID movieId, UUID hallId, Instant startsAt, Instant endsAt, Instant salesOpenAt,
            Instant salesCloseAt, List<Price> prices) {
        this.id = id;
        this.movieId = movieId;
        this.hallId = hallId;
        this.status = Status.SCHEDULED;
        reschedule(startsAt, endsAt, salesOpenAt, salesCloseAt, prices);
    }

    public enum Status {
        SCHEDULED, CANCELLED
    }

    /** What one seat type costs at this show. */
    @Embeddable
    public record Price(@Enumerated(EnumType.STRING) SeatType seatType,
            @Column(name = "amount") BigDecimal price, @JdbcTypeCode(SqlTypes.CHAR) String currency) {
    }

    /** What an admin asks for; the sale window defaults to "from now until the show starts". */
    public record Draft(UUID id, UUID movieId, UUID hallId, Instant startsAt, Instant salesOpenAt,
            Instant salesCloseAt, List<Price> prices) {
    }

    /** Moves the show, changes its sale window or its prices. */
    void reschedule(Instant startsAt, Instant endsAt, Instant salesOpenAt, Instant salesCloseAt,
            List<Price> prices) {
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.salesOpenAt = salesOpenAt;
        this.salesCloseAt = salesCloseAt;
        this.prices.clear();
        this.prices.addAll(prices);
    }

    void cancel() {
        status = Status.CANCELLED;
    }

    public UUID id() {
        return id;
    }

    public UUID movieId() {
        return movieId;
    }

    public UUID hallId() {
        return hallId;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public Instant salesOpenAt() {
        return salesOpenAt;
    }

    public Instant salesCloseAt() {
        return salesCloseAt;
    }

    public Status status() {
        return status;
    }

    public List<Price> prices() {
        return List.copyOf(prices);
    }
}
