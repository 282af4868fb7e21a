package io.ticketing.payment.payments;

import java.math.BigDecimal;
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
import io.ticketing.starter.client.InternalApi;
import io.ticketing.starter.client.InternalCaller;
import tools.jackson.databind.json.JsonMapper;

/**
 * reservation-service as payments use it (service to service): a hold as it priced and fenced it, and marking a
 * hold as being paid for.
 */
@Component
class Reservation {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> PAYABLE = Set.of("HELD", "PAYMENT_PENDING");

    private final InternalApi api;
    private final JsonMapper json;

    Reservation(PaymentProperties properties, JsonMapper json, InternalCaller caller) {
        this.api = new InternalApi(caller, properties.reservationUrl(), TIMEOUT, "RESERVATION_UNAVAILABLE",
                "The hold cannot be reached right now; try again in a moment");
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
        HttpResponse<String> response = api.send(request(holdId, "").GET());
        return switch (response.statusCode()) {
            case 200 -> Optional.of(json.readValue(response.body(), Hold.class));
            case 404 -> Optional.empty();
            default -> throw api.unavailable();
        };
    }

    /** Marks the hold PAYMENT_PENDING (again); false when it is no longer held. */
    boolean paymentPending(UUID holdId) {
        HttpResponse<String> response = api.send(request(holdId, "/payment-pending").POST(HttpRequest.BodyPublishers.noBody()));
        return switch (response.statusCode()) {
            case 200 -> true;
            case 404, 409 -> false;
            default -> throw api.unavailable();
        };
    }

    private HttpRequest.Builder request(UUID holdId, String path) {
        return api.request("/internal/v1/holds/" + holdId + path);
    }
}
