package io.ticketing.reservation.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
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

/** booking-service's seat states as a rebuild reads them, booking-service played by a real HTTP server. */
class BookingSeatsTest {

    private static final UUID SHOW = UUID.randomUUID();

    private final StubService booking = StubService.answering(200, "{}");
    private final BookingSeats seats = new BookingSeats(booking.url(),
            new InternalClients(new InternalCaller("reservation-service",
                    new CallerSignatures(CallerSignatures.LOCAL_SECRET), Clock.systemUTC(), new SimpleMeterRegistry(),
                    ObservationRegistry.NOOP), RestClient.builder()));

    @AfterEach
    void stopBooking() {
        booking.close();
    }

    @Test
    void readsWhatOfTheShowIsSoldOrBlocked() {
        UUID buyer = UUID.randomUUID();
        booking.body("{\"sold\":{\"A1\":\"%s\"},\"blocked\":[\"B2\"],\"fence\":7}".formatted(buyer));

        assertThat(seats.states(SHOW)).contains(new BookingSeats.SeatStates(Map.of("A1", buyer), List.of("B2"), 7));
        assertThat(booking.request()).isEqualTo("GET /internal/v1/shows/" + SHOW + "/seat-states");
    }

    @Test
    void aShowBookingHasNotStockedHasNoStates() {
        booking.status(404);

        assertThat(seats.states(SHOW)).isEmpty();
    }

    @Test
    void theSeatMapIsRecoveringWhileBookingCannotAnswer() {
        booking.status(500);

        assertThatThrownBy(() -> seats.states(SHOW)).isInstanceOfSatisfying(RequestRejectedException.class,
                rejected -> assertThat(rejected.code()).isEqualTo("SEAT_MAP_RECOVERING"));
    }
}
