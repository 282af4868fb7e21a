package io.ticketing.booking.inventory.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.booking.inventory.Inventory;
import io.ticketing.starter.RequestRejectedException;

@RestController
class SalesController {

    private final Inventory inventory;

    SalesController(Inventory inventory) {
        this.inventory = inventory;
    }

    /** How a show sells: seats per status. */
    record Sales(UUID showId, int seatCount, Map<String, Integer> seats) {
    }

    @GetMapping("/api/v1/admin/shows/{showId}/sales")
    Sales sales(@PathVariable UUID showId) {
        Map<String, Integer> seats = inventory.seatsByStatus(showId);
        if (seats.isEmpty()) {
            throw RequestRejectedException.notFound("SHOW_NOT_FOUND", "Show " + showId + " is not on sale");
        }
        return new Sales(showId, seats.values().stream().mapToInt(Integer::intValue).sum(), seats);
    }
}
