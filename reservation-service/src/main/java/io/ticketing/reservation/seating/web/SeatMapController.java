package io.ticketing.reservation.seating.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.reservation.seating.SeatMap;
import io.ticketing.reservation.seating.SeatingPlans;
import io.ticketing.starter.RequestRejectedException;

@RestController
class SeatMapController {

    private final SeatingPlans plans;

    SeatMapController(SeatingPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/shows/{showId}/seats")
    SeatMap seats(@PathVariable UUID showId) {
        return plans.seatMap(showId).orElseThrow(() -> RequestRejectedException.notFound("SHOW_NOT_FOUND",
                "Show " + showId + " is not on sale"));
    }
}
