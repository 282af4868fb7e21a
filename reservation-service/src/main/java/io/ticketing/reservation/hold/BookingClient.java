package io.ticketing.reservation.hold;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;

/** booking-service's internal endpoint that {@link BookingSeats} reads. */
interface BookingClient {

    /** 404 for a show booking-service has not stocked. */
    @GetExchange("/internal/v1/shows/{showId}/seat-states")
    BookingSeats.SeatStates seatStates(@PathVariable UUID showId);
}
