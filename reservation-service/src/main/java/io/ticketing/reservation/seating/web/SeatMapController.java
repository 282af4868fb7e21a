package io.ticketing.reservation.seating.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.reservation.hold.Holds;
import io.ticketing.reservation.seating.SeatMap;
import io.ticketing.reservation.seating.SeatMapCache;
import io.ticketing.reservation.seating.SeatingPlans;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.web.CurrentCustomerResolver;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
class SeatMapController {

    private final SeatingPlans plans;
    private final Holds holds;
    private final SeatMapCache cache;

    SeatMapController(SeatingPlans plans, Holds holds, SeatMapCache cache) {
        this.plans = plans;
        this.holds = holds;
        this.cache = cache;
    }

    /**
     * Anyone may look; a customer with a session (the gateway's verified customer id) also sees which held
     * seats are theirs ({@code heldByYou}). Every reader gets the map rendered once per change ({@link SeatMapCache}),
     * a holder's with their seats marked, gzipped when the client accepts it.
     */
    @GetMapping("/api/v1/shows/{showId}/seats")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = SeatMap.class)))
    ResponseEntity<?> seats(@PathVariable UUID showId,
            @RequestHeader(name = CurrentCustomerResolver.HEADER, required = false) UUID customerId,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false)
            String acceptEncoding) {
        SeatMapCache.State state = cache.state(showId, Optional.ofNullable(customerId));
        boolean gzip = acceptsGzip(acceptEncoding);
        byte[] body;
        if (state.seatsHeld() > 0) {
            body = cache.seatMap(showId, state.sequence(), holds.activeHolds(showId, customerId), gzip)
                    .orElseThrow(() -> notOnSale(showId));
        }
        else {
            SeatMapCache.Rendered map = cache.seatMap(showId, state.sequence()).orElseThrow(() -> notOnSale(showId));
            body = gzip ? map.gzip() : map.json();
        }
        var answer = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return gzip ? answer.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(body) : answer.body(body);
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].replace(" ", "").equalsIgnoreCase("q=0");
            }
        }
        return false;
    }

    private static RequestRejectedException notOnSale(UUID showId) {
        return RequestRejectedException.notFound("SHOW_NOT_FOUND", "Show " + showId + " is not on sale");
    }

    /** Service to service (waiting-service's join rules), not routed by the gateway. */
    @GetMapping("/internal/v1/shows/{showId}/seat-counts")
    SeatingPlans.SeatCounts counts(@PathVariable UUID showId) {
        return plans.counts(showId).orElseThrow(() -> notOnSale(showId));
    }
}
