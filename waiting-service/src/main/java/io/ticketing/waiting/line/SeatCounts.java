package io.ticketing.waiting.line;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.ticketing.starter.RequestRejectedException;
import tools.jackson.databind.json.JsonMapper;

/** reservation-service's count of a show's free and held seats, asked when a customer joins its line. */
@Component
class SeatCounts {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final JsonMapper json;

    SeatCounts(WaitingProperties properties, JsonMapper json) {
        this.url = properties.reservationUrl();
        this.json = json;
    }

    /** Seats kept for the line count as held: they too may come to a waiter. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Counts(int total, int available, int held, int kept) {
    }

    /** The show's counts; empty for a show reservation-service does not sell. */
    Optional<Counts> of(UUID showId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/internal/v1/shows/" + showId + "/seat-counts"))
                .timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 200 -> Optional.of(json.readValue(response.body(), Counts.class));
                case 404 -> Optional.empty();
                default -> throw unavailable();
            };
        }
        catch (IOException ex) {
            throw unavailable();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static RequestRejectedException unavailable() {
        return RequestRejectedException.unavailable("SEATS_UNKNOWN_FOR_NOW",
                "The show's seats cannot be counted right now; try again in a moment");
    }
}
