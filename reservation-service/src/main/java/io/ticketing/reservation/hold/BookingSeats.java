package io.ticketing.reservation.hold;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.stereotype.Component;

import io.ticketing.starter.client.InternalApi;
import io.ticketing.starter.client.InternalCaller;
import tools.jackson.databind.json.JsonMapper;

/** booking-service's answer to "what of this show is sold or blocked", read when a seat map is rebuilt. */
@Component
class BookingSeats {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final InternalApi api;
    private final JsonMapper json;

    BookingSeats(@Value("${ticketing.reservation.booking-url:http://127.0.0.1:8083}") String url, JsonMapper json,
            InternalCaller caller) {
        this.api = new InternalApi(caller, url, TIMEOUT, "SEAT_MAP_RECOVERING",
                "The seat map of this show is being restored; try again in a moment");
        this.json = json;
    }

    /** Who bought which seat, which seats are blocked, and the highest fencing token booking has seen. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeatStates(Map<String, UUID> sold, List<String> blocked, long fence) {
    }

    /**
     * The show's states; empty when booking-service has not stocked the show (nothing of it is sold). While
     * booking-service cannot answer, nothing can be rebuilt: the caller gets a 503 to retry.
     */
    Optional<SeatStates> states(UUID showId) {
        HttpResponse<String> response = api.send(api.request("/internal/v1/shows/" + showId + "/seat-states").GET());
        return switch (response.statusCode()) {
            case 200 -> Optional.of(json.readValue(response.body(), SeatStates.class));
            case 404 -> Optional.empty();
            default -> throw api.unavailable();
        };
    }
}
