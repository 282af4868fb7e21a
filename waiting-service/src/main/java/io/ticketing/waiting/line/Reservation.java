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
import io.ticketing.starter.client.InternalCaller;
import tools.jackson.databind.json.JsonMapper;

/**
 * reservation-service as the waiting line uses it (service to service): a show's seat counts, entering and
 * leaving the show's line (while it has entries, freed seats are kept for it), offering kept seats to waiters as
 * holds, a round of waiters per call (and withdrawing one), and putting kept seats back on sale.
 */
@Component
class Reservation {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final InternalApi api;
    private final JsonMapper json;

    Reservation(WaitingProperties properties, JsonMapper json, InternalCaller caller) {
        this.api = new InternalApi(caller, properties.reservationUrl(), TIMEOUT, "RESERVATION_UNAVAILABLE",
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

    /**
     * Passes on who joined the show's line ({@code entered}) and who left it ({@code left}); idempotent, and an entry
     * that left stays out.
     */
    void line(UUID showId, List<UUID> entered, List<UUID> left) {
        expect(api.send(request(showId, "/line").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("entered", entered, "left",
                        left))))), 204);
    }

    /**
     * What became of one waiter in a round of offers: {@code OFFERED} with the {@code hold}; {@code REFUSED} when the
     * waiter may not hold that many more seats of the show (the next waiter was served); {@code NOT_ENOUGH_KEPT} or
     * {@code FAILED} for the waiter the round stopped at.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Outcome(UUID entryId, Kind outcome, Offer hold) {

        enum Kind {
            OFFERED, REFUSED, NOT_ENOUGH_KEPT, FAILED
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Round(List<Outcome> outcomes) {
    }

    /**
     * A round of offers: kept seats held for each waiter in turn, in the order given, up to the first waiter who cannot
     * be served (the last outcome then says why). The same entry offered again gets the same hold.
     */
    List<Outcome> offer(UUID showId, List<Entry> waiters) {
        var body = Map.of("waiters", waiters.stream().map(waiter -> Map.of("entryId", waiter.entryId(), "customerId",
                waiter.customerId(), "seatCount", waiter.seatCount())).toList());
        HttpResponse<String> response = api.send(request(showId, "/offers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        if (response.statusCode() != 200) {
            throw api.unavailable();
        }
        return json.readValue(response.body(), Round.class).outcomes();
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
