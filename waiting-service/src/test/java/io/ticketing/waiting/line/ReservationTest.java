package io.ticketing.waiting.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.ticketing.identity.CallerSignatures;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.client.InternalCaller;
import io.ticketing.starter.client.InternalClients;
import io.ticketing.testsupport.StubService;
import tools.jackson.databind.json.JsonMapper;

/** reservation-service as the waiting line calls it, played by a real HTTP server. */
class ReservationTest {

    private static final UUID SHOW = UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StubService server = StubService.answering(204, "");
    private final Reservation reservation = new Reservation(new WaitingProperties(Duration.ofHours(1), 10,
            Duration.ofSeconds(30), server.url()),
            new InternalClients(new InternalCaller("waiting-service",
                    new CallerSignatures(CallerSignatures.LOCAL_SECRET), Clock.systemUTC(), new SimpleMeterRegistry(),
                    ObservationRegistry.NOOP), RestClient.builder()));

    @AfterEach
    void stopReservationService() {
        server.close();
    }

    @Test
    void passesOnWhoEnteredAndWhoLeftTheLine() {
        UUID entered = UUID.randomUUID();
        UUID left = UUID.randomUUID();

        reservation.line(SHOW, List.of(entered), List.of(left));

        assertThat(server.request()).isEqualTo("POST /internal/v1/shows/" + SHOW + "/line");
        assertThat(server.contentType()).isEqualTo("application/json");
        assertThat(JSON.readTree(server.received())).isEqualTo(JSON.readTree(
                "{\"entered\":[\"%s\"],\"left\":[\"%s\"]}".formatted(entered, left)));
    }

    @Test
    void aShowReservationServiceDoesNotSellHasNoCounts() {
        server.status(404);

        assertThat(reservation.counts(SHOW)).isEmpty();
        assertThat(server.request()).isEqualTo("GET /internal/v1/shows/" + SHOW + "/seat-counts");
    }

    @Test
    void theShowsSeatsCannotBeReachedWhileReservationServiceCannotAnswer() {
        server.status(503);
        UUID holdId = UUID.randomUUID();

        assertThatThrownBy(() -> reservation.withdraw(SHOW, holdId)).isInstanceOfSatisfying(
                RequestRejectedException.class,
                rejected -> assertThat(rejected.code()).isEqualTo("RESERVATION_UNAVAILABLE"));
        assertThat(server.request()).isEqualTo("DELETE /internal/v1/shows/" + SHOW + "/offers/" + holdId);
    }
}
