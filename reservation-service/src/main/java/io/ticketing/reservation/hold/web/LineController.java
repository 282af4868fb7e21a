package io.ticketing.reservation.hold.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.reservation.hold.Hold;
import io.ticketing.reservation.hold.Offers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Service to service, for waiting-service (not routed by the gateway): who is in a show's line, offers of seats
 * kept for it (and taking back one that could not be recorded), and kept seats no waiter can use going back on sale.
 */
@RestController
class LineController {

    private final Offers offers;

    LineController(Offers offers) {
        this.offers = offers;
    }

    @PutMapping("/internal/v1/shows/{showId}/line/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void waiting(@PathVariable UUID showId, @PathVariable UUID entryId) {
        offers.enter(showId, entryId);
    }

    @DeleteMapping("/internal/v1/shows/{showId}/line/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void left(@PathVariable UUID showId, @PathVariable UUID entryId) {
        offers.leave(showId, entryId);
    }

    record OfferRequest(@NotNull UUID entryId, @NotNull UUID customerId, @NotNull @Min(1) @Max(10) Integer seatCount) {
    }

    @PostMapping("/internal/v1/shows/{showId}/offers")
    @ResponseStatus(HttpStatus.CREATED)
    Hold offer(@PathVariable UUID showId, @Valid @RequestBody OfferRequest request) {
        return offers.offer(showId, request.entryId(), request.customerId(), request.seatCount());
    }

    @DeleteMapping("/internal/v1/shows/{showId}/offers/{holdId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable UUID showId, @PathVariable UUID holdId) {
        offers.withdraw(showId, holdId);
    }

    @PostMapping("/internal/v1/shows/{showId}/kept-seats/release")
    Map<String, Long> release(@PathVariable UUID showId) {
        return Map.of("released", offers.release(showId));
    }
}
