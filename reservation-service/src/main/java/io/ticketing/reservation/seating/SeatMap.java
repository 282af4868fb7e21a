package io.ticketing.reservation.seating;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A show's seats as customers see them: layout, price and live status of every seat. */
public record SeatMap(UUID showId, List<Row> rows) {

    public record Row(String row, List<Seat> seats) {
    }

    /** @param heldByYou true on seats the caller holds, absent otherwise */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Seat(String seatId, int number, String type, BigDecimal price, String currency, String status,
            boolean aisleAfter, Boolean heldByYou) {
    }
}
