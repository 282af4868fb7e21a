package io.ticketing.catalog.show;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.ticketing.catalog.venue.SeatType;

/**
 * A movie in a hall at a time, with a price per seat type. Seats can be held and sold between
 * {@code salesOpenAt} and {@code salesCloseAt}.
 */
public record Show(UUID id, UUID movieId, UUID hallId, Instant startsAt, Instant endsAt, Instant salesOpenAt,
        Instant salesCloseAt, Status status, List<Price> prices) {

    public Show {
        prices = List.copyOf(prices);
    }

    public enum Status {
        SCHEDULED, CANCELLED
    }

    public record Price(SeatType seatType, BigDecimal price, String currency) {
    }

    /** What an admin asks for; the sale window defaults to "from now until the show starts". */
    public record Draft(UUID id, UUID movieId, UUID hallId, Instant startsAt, Instant salesOpenAt,
            Instant salesCloseAt, List<Price> prices) {
    }
}
