package io.ticketing.reservation.seating;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A show's seats as customers see them: layout, price and live status of every seat. */
public record SeatMap(UUID showId, List<Row> rows) {

    public record Row(String row, List<Seat> seats) {
    }

    public record Seat(String seatId, int number, String type, BigDecimal price, String currency, String status,
            boolean aisleAfter) {
    }
}
