package io.ticketing.payment.payments;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.ticketing.payment.config.PaymentProperties;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.client.InternalClients;

/**
 * reservation-service as payments use it (service to service): a hold as it priced and fenced it, and marking a
 * hold as being paid for.
 */
@Component
class Reservation {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ReservationClient client;

    Reservation(PaymentProperties properties, InternalClients clients) {
        this.client = clients.create(ReservationClient.class, properties.reservationUrl(), TIMEOUT,
                Set.of(HttpStatus.NOT_FOUND, HttpStatus.CONFLICT), () -> RequestRejectedException.unavailable(
                        "RESERVATION_UNAVAILABLE", "The hold cannot be reached right now; try again in a moment"));
    }

    /** A hold's status as reservation-service names it; one it names later reads as {@code OTHER}, not payable. */
    enum HoldStatus {
        HELD, PAYMENT_PENDING, CONFIRMED, EXPIRED, RELEASED, REFUNDED, @JsonEnumDefaultValue OTHER
    }

    /** A hold with the price reservation-service gave its seats from the show's prices. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hold(UUID holdId, UUID showId, UUID customerId, List<String> seatIds,
            @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE) HoldStatus status,
            Instant expiresAt, long fencingToken, BigDecimal amount, String currency) {

        /** Held (or being paid for already) and not lapsed. */
        boolean payable(Instant now) {
            return (status == HoldStatus.HELD || status == HoldStatus.PAYMENT_PENDING) && now.isBefore(expiresAt);
        }
    }

    Optional<Hold> hold(UUID holdId) {
        try {
            return Optional.of(client.hold(holdId));
        }
        catch (HttpClientErrorException.NotFound ex) {
            return Optional.empty();
        }
    }

    /** Marks the hold PAYMENT_PENDING (again); false when it is no longer held. */
    boolean paymentPending(UUID holdId) {
        try {
            client.paymentPending(holdId);
            return true;
        }
        catch (HttpClientErrorException.NotFound | HttpClientErrorException.Conflict ex) {
            return false;
        }
    }
}
