package io.ticketing.booking.sale.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.booking.inventory.Inventory;
import io.ticketing.starter.RequestRejectedException;

/**
 * Service-to-service: the sold and blocked seats of a show, from which reservation-service rebuilds a seat map
 * that Redis lost. Not routed by the gateway.
 */
@RestController
class SeatStatesController {

    private final Inventory inventory;

    SeatStatesController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/internal/v1/shows/{showId}/seat-states")
    Inventory.SeatStates states(@PathVariable UUID showId) {
        return inventory.states(showId).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "Show " + showId + " is not stocked"));
    }
}
