package io.ticketing.catalog.venue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.ticketing.starter.RequestRejectedException;

/**
 * The seats of a hall, rows front to back, seats in a row from left to right with aisles marked. A seat is
 * identified by its row label and number ({@code A12}), so row labels and the numbers within a row must be
 * unique.
 */
public record SeatLayout(List<Row> rows) {

    /** Room for the largest arenas we sell. */
    public static final int MAX_SEATS = 60_000;
    private static final Pattern ROW_LABEL = Pattern.compile("[A-Z]{1,3}");

    public SeatLayout {
        rows = List.copyOf(rows);
    }

    public record Row(String row, List<Seat> seats) {
        public Row {
            seats = List.copyOf(seats);
        }
    }

    /** A seat; {@code aisleAfter} marks a gap (an aisle) between it and the next seat of its row. */
    public record Seat(int number, SeatType type, boolean aisleAfter) {

        public Seat(int number, SeatType type) {
            this(number, type, false);
        }
    }

    public int seatCount() {
        return rows.stream().mapToInt(row -> row.seats().size()).sum();
    }

    public Set<SeatType> seatTypes() {
        return rows.stream().flatMap(row -> row.seats().stream()).map(Seat::type).collect(Collectors.toSet());
    }

    /** Rejects layouts that would make seat ids ambiguous or halls impossible. */
    public SeatLayout validated() {
        if (rows.isEmpty()) {
            throw invalid("A hall needs at least one row");
        }
        Set<String> labels = new HashSet<>();
        for (Row row : rows) {
            if (row.row() == null || !ROW_LABEL.matcher(row.row()).matches()) {
                throw invalid("Row labels are 1 to 3 capital letters, got '" + row.row() + "'");
            }
            if (!labels.add(row.row())) {
                throw invalid("Row " + row.row() + " appears twice");
            }
            if (row.seats().isEmpty()) {
                throw invalid("Row " + row.row() + " has no seats");
            }
            Set<Integer> numbers = new HashSet<>();
            for (Seat seat : row.seats()) {
                if (seat.number() < 1 || seat.number() > 9999) {
                    throw invalid("Seat numbers run from 1 to 9999, row " + row.row() + " has " + seat.number());
                }
                if (seat.type() == null) {
                    throw invalid("Seat " + row.row() + seat.number() + " has no type");
                }
                if (!numbers.add(seat.number())) {
                    throw invalid("Seat " + row.row() + seat.number() + " appears twice");
                }
            }
        }
        if (seatCount() > MAX_SEATS) {
            throw invalid("A hall has at most " + MAX_SEATS + " seats");
        }
        return this;
    }

    private static RequestRejectedException invalid(String detail) {
        return RequestRejectedException.unprocessable("INVALID_LAYOUT", detail);
    }
}
