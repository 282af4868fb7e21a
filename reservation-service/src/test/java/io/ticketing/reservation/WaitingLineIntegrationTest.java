package io.ticketing.reservation;

import static io.ticketing.reservation.ShowSeats.counts;
import static io.ticketing.reservation.ShowSeats.seat;
import static io.ticketing.reservation.ShowSeats.seatMapStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.ShowScheduledMother;

/**
 * Seats freed while customers wait in a show's line are kept for it: shown as held, not takeable by newcomers,
 * offered to a waiter as a regular hold (side by side where possible), or put back on sale once no waiter can
 * use them. waiting-service's calls are made here directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaitingLineIntegrationTest {

    private final EventProducer events = EventProducer.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reservation", Component.POSTGRES, Component.KAFKA, Component.REDIS);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    RedissonClient redis;

    @Test
    void seatsFreedWhileSomeoneWaitsAreKeptForTheLineAndOfferedToAWaiter() {
        ShowScheduled show = onSale(1, 6);
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        var anasHold = customer(ana).post(holds(show), Map.of("seatIds", List.of("A2", "A3", "A5")));
        assertThat(api().request("PUT", line(show, entry), null, null).status()).isEqualTo(204);

        assertThat(customer(ana).delete("/api/v1/holds/" + anasHold.text("holdId")).status()).isEqualTo(204);

        assertThat(seat(redis, show, "A2")).isEqualTo("KEPT");
        assertThat(seatMapStatus(api(), show, "A3")).isEqualTo("HELD");
        var newcomer = customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("A3")));
        assertThat(newcomer.status()).isEqualTo(409);
        assertThat(newcomer.text("code")).isEqualTo("SEATS_HELD");
        assertThat(counts(redis, show)).containsEntry("kept", "3").containsEntry("available", "3").containsEntry("held", "0");

        var offered = api().post("/internal/v1/shows/" + show.showId() + "/offers",
                Map.of("entryId", entry, "customerId", ben, "seatCount", 2));
        var again = api().post("/internal/v1/shows/" + show.showId() + "/offers",
                Map.of("entryId", entry, "customerId", ben, "seatCount", 2));
        var tooMany = api().post("/internal/v1/shows/" + show.showId() + "/offers",
                Map.of("entryId", UUID.randomUUID(), "customerId", UUID.randomUUID(), "seatCount", 2));

        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        assertThat(offered.json().path("seatIds").toString()).as("side by side").isEqualTo("[\"A2\",\"A3\"]");
        assertThat(offered.text("status")).isEqualTo("HELD");
        assertThat(customer(ben).get("/api/v1/holds/" + offered.text("holdId")).status()).isEqualTo(200);
        assertThat(again.text("holdId")).isEqualTo(offered.text("holdId"));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.text("code")).isEqualTo("NOT_ENOUGH_KEPT");
        assertThat(counts(redis, show)).containsEntry("kept", "1").containsEntry("held", "2");

        assertThat(api().request("DELETE", line(show, entry), null, null).status()).isEqualTo(204);
        var released = api().post("/internal/v1/shows/" + show.showId() + "/kept-seats/release", Map.of());
        assertThat(released.json().path("released").asInt()).isEqualTo(1);
        assertThat(seat(redis, show, "A5")).isEqualTo("AVAILABLE");
        assertThat(counts(redis, show)).containsEntry("kept", "0").containsEntry("available", "4");
    }

    @Test
    void seatsOfACancelledBookingAreKeptWhileSomeoneWaits() {
        ShowScheduled show = onSale(1, 4);
        UUID ana = UUID.randomUUID();
        UUID bookingId = UUID.randomUUID();
        events.send(new BookingConfirmed(UUID.randomUUID(), Instant.now(), bookingId, UUID.randomUUID(), "pi_1",
                show.showId(), ana, List.of("A1"), new BigDecimal("16.00"), "EUR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SOLD".equals(seat(redis, show, "A1")));
        api().request("PUT", line(show, UUID.randomUUID()), null, null);

        events.send(new BookingCancelled(UUID.randomUUID(), Instant.now(), bookingId, UUID.randomUUID(), "pi_1",
                show.showId(), ana, List.of("A1"), new BigDecimal("16.00"), "EUR"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "KEPT".equals(seat(redis, show, "A1")));
        assertThat(counts(redis, show)).containsEntry("kept", "1").containsEntry("available", "3");
        var seatCounts = api().get("/internal/v1/shows/" + show.showId() + "/seat-counts");
        assertThat(seatCounts.json().path("kept").asInt()).isEqualTo(1);
    }

    private ShowScheduled onSale(int rows, int seatsPerRow) {
        ShowScheduled show = ShowScheduledMother.show(rows, seatsPerRow);
        events.send(show);
        await().atMost(Duration.ofSeconds(30)).until(() -> seat(redis, show, "A1") != null);
        return show;
    }

    private static String holds(ShowScheduled show) {
        return "/api/v1/shows/" + show.showId() + "/holds";
    }

    private static String line(ShowScheduled show, UUID entry) {
        return "/internal/v1/shows/" + show.showId() + "/line/" + entry;
    }

    private JsonApi api() {
        return new JsonApi("http://127.0.0.1:" + port);
    }

    private JsonApi customer(UUID customerId) {
        return api().withHeader("X-Customer-Id", customerId.toString());
    }
}
