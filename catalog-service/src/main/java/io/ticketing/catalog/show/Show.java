package io.ticketing.catalog.show;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.ticketing.catalog.venue.SeatType;

public record Show(UUID id, UUID movieId, UUID hallId, Instant startsAt, Instant endsAt, Status status,
        List<Price> prices) {

    public Show {
        prices = List.copyOf(prices);
    }

    public enum Status {
        SCHEDULED, CANCELLED
    }

    public record Price(SeatType seatType, BigDecimal price, String currency) {
    }
}
