package io.ticketing.reservation.hold.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.reservation.hold.Offers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Service to service, for waiting-service (not routed by the gateway): who is in a show's line, offers of seats
 * kept for it to its waiters, a round at a time (and taking back one that could not be recorded), and kept seats no
 * waiter can use going back on sale.
 */
@RestController
class LineController {

    private final Offers offers;

    LineController(Offers offers) {
        this.offers = offers;
    }

    /** Entries that joined the show's line and entries that left it, as waiting-service syncs them. */
    record LineChanges(@NotNull @Size(max = 1000) List<@NotNull UUID> entered,
            @NotNull @Size(max = 1000) List<@NotNull UUID> left) {
    }

    @PostMapping("/internal/v1/shows/{showId}/line")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void line(@PathVariable UUID showId, @Valid @RequestBody LineChanges changes) {
        offers.line(showId, changes.entered(), changes.left());
    }

    record OfferRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Waiter> waiters) {
    }

    record Waiter(@NotNull UUID entryId, @NotNull UUID customerId, @NotNull @Min(1) @Max(10) Integer seatCount) {
    }

    record OfferRound(List<Offers.Outcome> outcomes) {
    }

    /** Offers kept seats to the waiters in the order given, up to the first it cannot serve. */
    @PostMapping("/internal/v1/shows/{showId}/offers")
    OfferRound offer(@PathVariable UUID showId, @Valid @RequestBody OfferRequest request) {
        return new OfferRound(offers.offer(showId, request.waiters().stream()
                .map(waiter -> new Offers.Waiter(waiter.entryId(), waiter.customerId(), waiter.seatCount())).toList()));
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
