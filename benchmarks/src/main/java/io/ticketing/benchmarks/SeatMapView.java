package io.ticketing.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A show's seat map as a customer saw it ({@code GET /api/v1/shows/{id}/seats}): rows front to back, seats left to
 * right, each with its status. A customer keeps its view after a successful hold, marking its own seats taken,
 * and reads a new one after a failed attempt.
 */
public record SeatMapView(List<Row> rows) {

    static final String AVAILABLE = "AVAILABLE";

    /** @param aisleAfter an aisle between this seat and the next: they are not side by side */
    public record Seat(String seatId, int number, String status, boolean aisleAfter, boolean heldByYou) {

        public boolean available() {
            return AVAILABLE.equals(status);
        }
    }

    public record Row(String row, List<Seat> seats) {

        public Row {
            seats = List.copyOf(seats);
        }
    }

    public SeatMapView {
        rows = List.copyOf(rows);
    }

    public static SeatMapView from(JsonNode seatMap) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : seatMap.path("rows")) {
            List<Seat> seats = new ArrayList<>();
            for (JsonNode seat : row.path("seats")) {
                seats.add(new Seat(seat.path("seatId").asString(), seat.path("number").asInt(),
                        seat.path("status").asString(), seat.path("aisleAfter").asBoolean(false),
                        seat.path("heldByYou").asBoolean(false)));
            }
            rows.add(new Row(row.path("row").asString(), seats));
        }
        return new SeatMapView(rows);
    }

    int seatCount() {
        return rows.stream().mapToInt(row -> row.seats().size()).sum();
    }

    public int availableCount() {
        return (int) rows.stream().flatMap(row -> row.seats().stream()).filter(Seat::available).count();
    }

    /** Every seat's status by seat id, in map order. */
    public Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        rows.forEach(row -> row.seats().forEach(seat -> statuses.put(seat.seatId(), seat.status())));
        return statuses;
    }

    /** The seats this map shows as the caller's own ({@code heldByYou}). */
    Set<String> heldByYou() {
        Set<String> mine = new HashSet<>();
        rows.forEach(row -> row.seats().stream().filter(Seat::heldByYou).forEach(seat -> mine.add(seat.seatId())));
        return mine;
    }

    /** The same map with these seats no longer available: what a customer knows after holding them. */
    public SeatMapView taken(Collection<String> seatIds) {
        Set<String> taken = Set.copyOf(seatIds);
        return new SeatMapView(rows.stream()
                .map(row -> new Row(row.row(), row.seats().stream()
                        .map(seat -> taken.contains(seat.seatId())
                                ? new Seat(seat.seatId(), seat.number(), "HELD", seat.aisleAfter(), true)
                                : seat)
                        .toList()))
                .toList());
    }
}
