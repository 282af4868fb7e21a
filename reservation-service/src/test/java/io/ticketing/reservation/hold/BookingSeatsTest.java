package io.ticketing.reservation.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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

/** booking-service's seat states as a rebuild reads them, booking-service played by a real HTTP server. */
class BookingSeatsTest {

    private static final UUID SHOW = UUID.randomUUID();

    private final HttpServer booking = booking();
    private final BookingSeats seats = new BookingSeats("http://127.0.0.1:" + booking.getAddress().getPort(),
            new InternalClients(new InternalCaller("reservation-service",
                    new CallerSignatures(CallerSignatures.LOCAL_SECRET), Clock.systemUTC(), new SimpleMeterRegistry(),
                    ObservationRegistry.NOOP), RestClient.builder()));
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile String request;

    @AfterEach
    void stopBooking() {
        booking.stop(0);
    }

    private HttpServer booking() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void readsWhatOfTheShowIsSoldOrBlocked() {
        UUID buyer = UUID.randomUUID();
        body = "{\"sold\":{\"A1\":\"%s\"},\"blocked\":[\"B2\"],\"fence\":7}".formatted(buyer);

        assertThat(seats.states(SHOW)).contains(new BookingSeats.SeatStates(Map.of("A1", buyer), List.of("B2"), 7));
        assertThat(request).isEqualTo("GET /internal/v1/shows/" + SHOW + "/seat-states");
    }

    @Test
    void aShowBookingHasNotStockedHasNoStates() {
        status = 404;

        assertThat(seats.states(SHOW)).isEmpty();
    }

    @Test
    void theSeatMapIsRecoveringWhileBookingCannotAnswer() {
        status = 500;

        assertThatThrownBy(() -> seats.states(SHOW)).isInstanceOfSatisfying(RequestRejectedException.class,
                rejected -> assertThat(rejected.code()).isEqualTo("SEAT_MAP_RECOVERING"));
    }
}
