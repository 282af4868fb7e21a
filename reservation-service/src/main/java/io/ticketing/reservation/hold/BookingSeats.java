package io.ticketing.reservation.hold;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.client.InternalClients;

/** booking-service's answer to "what of this show is sold or blocked", read when a seat map is rebuilt. */
@Component
class BookingSeats {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BookingClient client;

    BookingSeats(@Value("${ticketing.reservation.booking-url:http://127.0.0.1:8083}") String url,
            InternalClients clients) {
        this.client = clients.create(BookingClient.class, url, TIMEOUT, Set.of(HttpStatus.NOT_FOUND),
                () -> RequestRejectedException.unavailable("SEAT_MAP_RECOVERING",
                        "The seat map of this show is being restored; try again in a moment"));
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
        try {
            return Optional.of(client.seatStates(showId));
        }
        catch (HttpClientErrorException.NotFound ex) {
            return Optional.empty();
        }
    }
}
