package io.ticketing.payment.payments;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.ticketing.payment.config.PaymentProperties;
import io.ticketing.starter.RequestRejectedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * reservation-service as payments use it (service to service): a hold as it priced and fenced it, and marking a
 * hold as being paid for.
 */
@Component
class Reservation {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> PAYABLE = Set.of("HELD", "PAYMENT_PENDING");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final JsonMapper json;

    Reservation(PaymentProperties properties, JsonMapper json) {
        this.url = properties.reservationUrl();
        this.json = json;
    }

    /** A hold with the price reservation-service gave its seats from the show's prices. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hold(UUID holdId, UUID showId, UUID customerId, List<String> seatIds, String status, Instant expiresAt,
            long fencingToken, BigDecimal amount, String currency) {

        /** Held (or being paid for already) and not lapsed. */
        boolean payable(Instant now) {
            return PAYABLE.contains(status) && now.isBefore(expiresAt);
        }
    }

    Optional<Hold> hold(UUID holdId) {
        HttpResponse<String> response = send(request(holdId, "").GET());
        return switch (response.statusCode()) {
            case 200 -> Optional.of(json.readValue(response.body(), Hold.class));
            case 404 -> Optional.empty();
            default -> throw unavailable();
        };
    }

    /** Marks the hold PAYMENT_PENDING (again); false when it is no longer held. */
    boolean paymentPending(UUID holdId) {
        HttpResponse<String> response = send(request(holdId, "/payment-pending").POST(HttpRequest.BodyPublishers.noBody()));
        return switch (response.statusCode()) {
            case 200 -> true;
            case 404, 409 -> false;
            default -> throw unavailable();
        };
    }

    private HttpRequest.Builder request(UUID holdId, String path) {
        return HttpRequest.newBuilder(URI.create(url + "/internal/v1/holds/" + holdId + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
        return RequestRejectedException.unavailable("RESERVATION_UNAVAILABLE",
                "The hold cannot be reached right now; try again in a moment");
    }
}
