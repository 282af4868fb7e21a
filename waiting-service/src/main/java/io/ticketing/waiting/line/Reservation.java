package io.ticketing.waiting.line;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.ticketing.starter.client.InternalApi;
import tools.jackson.databind.json.JsonMapper;

/**
 * reservation-service as the waiting line uses it (service to service): a show's seat counts, entering and
 * leaving the show's line (while it has entries, freed seats are kept for it), offering kept seats to a waiter
 * as a hold (and withdrawing one), and putting kept seats back on sale.
 */
@Component
class Reservation {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final InternalApi api;
    private final JsonMapper json;

    Reservation(WaitingProperties properties, JsonMapper json) {
        this.api = new InternalApi(properties.reservationUrl(), TIMEOUT, "RESERVATION_UNAVAILABLE",
                "The show's seats cannot be reached right now; try again in a moment");
        this.json = json;
    }

    /** Seats kept for the line count as held: they too may come to a waiter. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Counts(int total, int available, int held, int kept) {
    }

    /** A hold of kept seats made for a waiter. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Offer(UUID holdId, List<String> seatIds, Instant expiresAt) {
    }

    /** The show's counts; empty for a show reservation-service does not sell. */
    Optional<Counts> counts(UUID showId) {
        HttpResponse<String> response = api.send(request(showId, "/seat-counts").GET());
        return switch (response.statusCode()) {
            case 200 -> Optional.of(json.readValue(response.body(), Counts.class));
            case 404 -> Optional.empty();
            default -> throw api.unavailable();
        };
    }

    /** Enters the entry into the show's line ({@code waiting}) or removes it; both idempotent. */
    void line(UUID showId, UUID entryId, boolean waiting) {
        var request = request(showId, "/line/" + entryId);
        expect(api.send(waiting ? request.PUT(HttpRequest.BodyPublishers.noBody()) : request.DELETE()), 204);
    }

    /** The waiter may not hold more seats of the show (the limit per customer counts their holds and bookings). */
    static final class WaiterRefused extends RuntimeException {
        WaiterRefused(String detail) {
            super(detail);
        }
    }

    /**
     * A hold of {@code seatCount} kept seats for the waiter; empty when fewer are kept.
     *
     * @throws WaiterRefused when the waiter may not hold that many more seats
     */
    Optional<Offer> offer(UUID showId, UUID entryId, UUID customerId, int seatCount) {
        HttpResponse<String> response = api.send(request(showId, "/offers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("entryId", entryId,
                        "customerId", customerId, "seatCount", seatCount)))));
        return switch (response.statusCode()) {
            case 201 -> Optional.of(json.readValue(response.body(), Offer.class));
            case 409 -> Optional.empty();
            case 422 -> throw new WaiterRefused(response.body());
            default -> throw api.unavailable();
        };
    }

    /** Takes back an offer's hold that could not be recorded: released, its seats kept for the line again. */
    void withdraw(UUID showId, UUID holdId) {
        expect(api.send(request(showId, "/offers/" + holdId).DELETE()), 204);
    }

    /** Puts every seat kept for the show's line back on sale. */
    void releaseKept(UUID showId) {
        expect(api.send(request(showId, "/kept-seats/release").POST(HttpRequest.BodyPublishers.noBody())), 200);
    }

    private HttpRequest.Builder request(UUID showId, String path) {
        return api.request("/internal/v1/shows/" + showId + path);
    }

    private void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw api.unavailable();
        }
    }
}
