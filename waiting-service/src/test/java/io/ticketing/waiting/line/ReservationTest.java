package io.ticketing.waiting.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.ticketing.identity.CallerSignatures;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.client.InternalCaller;
import io.ticketing.starter.client.InternalClients;
import tools.jackson.databind.json.JsonMapper;

/** reservation-service as the waiting line calls it, played by a real HTTP server. */
class ReservationTest {

    private static final UUID SHOW = UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server = reservationService();
    private final Reservation reservation = new Reservation(new WaitingProperties(Duration.ofHours(1), 10,
            Duration.ofSeconds(30), "http://127.0.0.1:" + server.getAddress().getPort()),
            new InternalClients(new InternalCaller("waiting-service",
                    new CallerSignatures(CallerSignatures.LOCAL_SECRET), Clock.systemUTC(), new SimpleMeterRegistry(),
                    ObservationRegistry.NOOP), RestClient.builder()));
    private volatile int status = 204;
    private volatile String request;
    private volatile String contentType;
    private volatile String received;

    @AfterEach
    void stopReservationService() {
        server.stop(0);
    }

    private HttpServer reservationService() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            created.createContext("/", exchange -> {
                request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
                contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            created.start();
            return created;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void passesOnWhoEnteredAndWhoLeftTheLine() {
        UUID entered = UUID.randomUUID();
        UUID left = UUID.randomUUID();

        reservation.line(SHOW, List.of(entered), List.of(left));

        assertThat(request).isEqualTo("POST /internal/v1/shows/" + SHOW + "/line");
        assertThat(contentType).isEqualTo("application/json");
        assertThat(JSON.readTree(received)).isEqualTo(JSON.readTree(
                "{\"entered\":[\"%s\"],\"left\":[\"%s\"]}".formatted(entered, left)));
    }

    @Test
    void aShowReservationServiceDoesNotSellHasNoCounts() {
        status = 404;

        assertThat(reservation.counts(SHOW)).isEmpty();
        assertThat(request).isEqualTo("GET /internal/v1/shows/" + SHOW + "/seat-counts");
    }

    @Test
    void theShowsSeatsCannotBeReachedWhileReservationServiceCannotAnswer() {
        status = 503;
        UUID holdId = UUID.randomUUID();

        assertThatThrownBy(() -> reservation.withdraw(SHOW, holdId)).isInstanceOfSatisfying(
                RequestRejectedException.class,
                rejected -> assertThat(rejected.code()).isEqualTo("RESERVATION_UNAVAILABLE"));
        assertThat(request).isEqualTo("DELETE /internal/v1/shows/" + SHOW + "/offers/" + holdId);
    }
}
