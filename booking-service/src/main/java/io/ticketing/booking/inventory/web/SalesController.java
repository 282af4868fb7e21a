package io.ticketing.booking.inventory.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.booking.inventory.Inventory;
import io.ticketing.booking.sale.Bookings;
import io.ticketing.starter.RequestRejectedException;

@RestController
class SalesController {

    private final Inventory inventory;
    private final Bookings bookings;

    SalesController(Inventory inventory, Bookings bookings) {
        this.inventory = inventory;
        this.bookings = bookings;
    }

    /**
     * How a show sells: seats per status, and its bookings per status and currency with their seats, amounts and
     * refunds (what cancelling the show would refund: every {@code CONFIRMED} booking in full).
     */
    record Sales(UUID showId, int seatCount, Map<String, Integer> seats, List<Bookings.Tally> bookings) {
    }

    @GetMapping("/api/v1/admin/shows/{showId}/sales")
    Sales sales(@PathVariable UUID showId) {
        Map<String, Integer> seats = inventory.seatsByStatus(showId);
        if (seats.isEmpty()) {
            throw RequestRejectedException.notFound("SHOW_NOT_FOUND", "Show " + showId + " is not on sale");
        }
        return new Sales(showId, seats.values().stream().mapToInt(Integer::intValue).sum(), seats,
                bookings.tally(showId));
    }
}
