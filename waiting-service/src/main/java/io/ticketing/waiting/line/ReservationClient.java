package io.ticketing.waiting.line;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** reservation-service's internal endpoints of a show that {@link Reservation} calls. */
@HttpExchange("/internal/v1/shows/{showId}")
interface ReservationClient {

    record LineChanges(List<UUID> entered, List<UUID> left) {
    }

    record Waiter(UUID entryId, UUID customerId, int seatCount) {
    }

    record Waiters(List<Waiter> waiters) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Round(List<Reservation.Outcome> outcomes) {
    }

    /** 404 for a show reservation-service does not sell. */
    @GetExchange("/seat-counts")
    Reservation.Counts counts(@PathVariable UUID showId);

    @PostExchange("/line")
    void line(@PathVariable UUID showId, @RequestBody LineChanges changes);

    @PostExchange("/offers")
    Round offer(@PathVariable UUID showId, @RequestBody Waiters waiters);

    @DeleteExchange("/offers/{holdId}")
    void withdraw(@PathVariable UUID showId, @PathVariable UUID holdId);

    @PostExchange("/kept-seats/release")
    void releaseKept(@PathVariable UUID showId);
}
