package io.ticketing.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.ticketing.identity.CallerSignatures;
import io.ticketing.payment.config.PaymentProperties;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.client.InternalCaller;
import io.ticketing.starter.client.InternalClients;
import io.ticketing.testsupport.StubService;

/** reservation-service as payments call it, played by a real HTTP server. */
class ReservationTest {

    private static final UUID HOLD = UUID.randomUUID();

    private final StubService server = StubService.answering(200, "{}");
    private final Reservation reservation = new Reservation(new PaymentProperties(PaymentProperties.Provider.SIMULATED,
            server.url(), null, null),
            new InternalClients(new InternalCaller("payment-service",
                    new CallerSignatures(CallerSignatures.LOCAL_SECRET), Clock.systemUTC(), new SimpleMeterRegistry(),
                    ObservationRegistry.NOOP), RestClient.builder()));

    @AfterEach
    void stopReservationService() {
        server.close();
    }

    @Test
    void readsTheHoldAsReservationServicePricedIt() {
        UUID show = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        server.body("""
                {"holdId":"%s","showId":"%s","customerId":"%s","seatIds":["A1"],"status":"HELD",
                 "expiresAt":"2026-12-05T10:05:00Z","fencingToken":42,"amount":23.00,"currency":"EUR","bookingId":null}
                """.formatted(HOLD, show, customer));

        assertThat(reservation.hold(HOLD)).contains(new Reservation.Hold(HOLD, show, customer, List.of("A1"),
                Reservation.HoldStatus.HELD, Instant.parse("2026-12-05T10:05:00Z"), 42, new BigDecimal("23.00"),
                "EUR"));
        assertThat(server.request()).isEqualTo("GET /internal/v1/holds/" + HOLD);
    }

    @Test
    void aStatusReservationServiceAddsLaterIsNotPayable() {
        server.body("""
                {"holdId":"%s","showId":"%s","customerId":"%s","seatIds":["A1"],"status":"ON_APPROVAL",
                 "expiresAt":"2099-12-05T10:05:00Z","fencingToken":42,"amount":23.00,"currency":"EUR"}
                """.formatted(HOLD, UUID.randomUUID(), UUID.randomUUID()));

        var hold = reservation.hold(HOLD).orElseThrow();

        assertThat(hold.status()).isEqualTo(Reservation.HoldStatus.OTHER);
        assertThat(hold.payable(Instant.parse("2026-12-05T10:00:00Z"))).isFalse();
    }

    @Test
    void aHoldThatDoesNotExistIsNotFound() {
        server.status(404);

        assertThat(reservation.hold(HOLD)).isEmpty();
    }

    @Test
    void marksTheHoldAsBeingPaidFor() {
        assertThat(reservation.paymentPending(HOLD)).isTrue();
        assertThat(server.request()).isEqualTo("POST /internal/v1/holds/" + HOLD + "/payment-pending");
    }

    @ParameterizedTest
    @ValueSource(ints = { 404, 409 })
    void aHoldNoLongerHeldCannotBeMarked(int answered) {
        server.status(answered);

        assertThat(reservation.paymentPending(HOLD)).isFalse();
    }

    @Test
    void theHoldCannotBeReachedWhileReservationServiceCannotAnswer() {
        server.status(500);

        assertThatThrownBy(() -> reservation.paymentPending(HOLD)).isInstanceOfSatisfying(
                RequestRejectedException.class,
                rejected -> assertThat(rejected.code()).isEqualTo("RESERVATION_UNAVAILABLE"));
    }
}
