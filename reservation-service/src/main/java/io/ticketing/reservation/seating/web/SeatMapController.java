package io.ticketing.reservation.seating.web;

import java.util.Set;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.reservation.hold.Holds;
import io.ticketing.reservation.seating.SeatMap;
import io.ticketing.reservation.seating.SeatingPlans;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.web.CurrentCustomerResolver;

@RestController
class SeatMapController {

    private final SeatingPlans plans;
    private final Holds holds;

    SeatMapController(SeatingPlans plans, Holds holds) {
        this.plans = plans;
        this.holds = holds;
    }

    /**
     * Anyone may look; a customer with a session (the gateway's verified customer id) also sees which held
     * seats are theirs ({@code heldByYou}).
     */
    @GetMapping("/api/v1/shows/{showId}/seats")
    SeatMap seats(@PathVariable UUID showId,
            @RequestHeader(name = CurrentCustomerResolver.HEADER, required = false) UUID customerId) {
        Set<UUID> yours = customerId == null ? Set.of() : holds.activeHolds(showId, customerId);
        return plans.seatMap(showId, yours).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "Show " + showId + " is not on sale"));
    }

    /** Service to service (waiting-service's join rules), not routed by the gateway. */
    @GetMapping("/internal/v1/shows/{showId}/seat-counts")
    SeatingPlans.SeatCounts counts(@PathVariable UUID showId) {
        return plans.counts(showId).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "Show " + showId + " is not on sale"));
    }
}
