package io.ticketing.events.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * A show was put on sale. Carries everything the seat services need to sell it without calling the
 * catalog: the hall's seat layout, the seat types, the price of each type and the sale window.
 */
public record ShowScheduled(UUID eventId, Instant occurredAt, UUID showId, UUID movieId, String movieTitle,
        UUID cinemaId, UUID hallId, String hallName, Instant startsAt, Instant endsAt, Instant salesOpenAt,
        Instant salesCloseAt, List<Row> rows, List<Price> prices) implements KeyedByShow {

    public ShowScheduled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(showId, "showId");
        rows = List.copyOf(rows);
        prices = List.copyOf(prices);
    }

    @Override
    public String topic() {
        return Topics.CATALOG_SHOW_EVENTS;
    }

    /** Total number of seats in the layout. */
    public int seatCount() {
        return rows.stream().mapToInt(row -> row.seats().size()).sum();
    }

    /** One row of the hall, front to back. */
    public record Row(String row, List<Seat> seats) {
        public Row {
            seats = List.copyOf(seats);
        }
    }

    /** A seat; its id is row + number, e.g. {@code A12}; {@code aisleAfter}: a gap follows it in its row. */
    public record Seat(String seatId, int number, String type, boolean aisleAfter) {

        public Seat(String seatId, int number, String type) {
            this(seatId, number, type, false);
        }
    }

    /** The price of one seat of a type. */
    public record Price(String seatType, BigDecimal amount, String currency) {
    }
}
