package io.ticketing.reservation;

import static io.ticketing.reservation.ShowSeats.counts;
import static io.ticketing.reservation.ShowSeats.seat;
import static io.ticketing.reservation.ShowSeats.seatMapStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.ticketing.events.Topics;
import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.reservation.SeatsKept;
import io.ticketing.reservation.seating.SeatKeys;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.EventRecorder;

/**
 * Seats freed while customers wait in a show's line are kept for it: shown as held, not takeable by newcomers,
 * offered to a waiter as a regular hold (side by side where possible), or put back on sale once no waiter can
 * use them. waiting-service's calls are made here directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaitingLineIntegrationTest {

    private final EventProducer events = EventProducer.shared();

    private static final EventRecorder HOLD_EVENTS = EventRecorder.of(Topics.RESERVATION_HOLD_EVENTS);
    /** booking-service, asked when a seat map is rebuilt: nothing of these shows is sold or blocked. */
    private static final HttpServer BOOKING = nothingSold();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reservation", Component.POSTGRES, Component.KAFKA, Component.REDIS);
        registry.add("ticketing.reservation.booking-url", () -> "http://127.0.0.1:" + BOOKING.getAddress().getPort());
    }

    @AfterAll
    static void stopBooking() {
        BOOKING.stop(0);
        HOLD_EVENTS.close();
    }

    private static HttpServer nothingSold() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            });
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

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
                show.showId(), ana, List.of("A1"), new BigDecimal("16.00"), "EUR", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SOLD".equals(seat(redis, show, "A1")));
        api().request("PUT", line(show, UUID.randomUUID()), null, null);

        events.send(new BookingCancelled(UUID.randomUUID(), Instant.now(), bookingId, UUID.randomUUID(), "pi_1",
                show.showId(), ana, List.of("A1"), new BigDecimal("16.00"), "EUR", null));

        await().atMost(Duration.ofSeconds(30)).until(() -> "KEPT".equals(seat(redis, show, "A1")));
        assertThat(counts(redis, show)).containsEntry("kept", "1").containsEntry("available", "3");
        var seatCounts = api().get("/internal/v1/shows/" + show.showId() + "/seat-counts");
        assertThat(seatCounts.json().path("kept").asInt()).isEqualTo(1);
        // waiting-service hears of it from here, once the seat is kept
        await().atMost(Duration.ofSeconds(30)).until(() -> !HOLD_EVENTS
                .events(SeatsKept.class, kept -> kept.showId().equals(show.showId()) && kept.seatCount() == 1).isEmpty());
    }

    @Test
    void aCancelledBookingRedeliveredAfterAFailedFirstAttemptStillAnnouncesItsKeptSeats() {
        ShowScheduled show = onSale(1, 4);
        UUID ana = UUID.randomUUID();
        UUID bookingId = UUID.randomUUID();
        events.send(new BookingConfirmed(UUID.randomUUID(), Instant.now(), bookingId, UUID.randomUUID(), "pi_1",
                show.showId(), ana, List.of("A1", "A2"), new BigDecimal("32.00"), "EUR", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SOLD".equals(seat(redis, show, "A2")));
        api().request("PUT", line(show, UUID.randomUUID()), null, null);
        var cancelled = new BookingCancelled(UUID.randomUUID(), Instant.now(), bookingId, UUID.randomUUID(), "pi_1",
                show.showId(), ana, List.of("A1", "A2"), new BigDecimal("32.00"), "EUR", null);

        // the first attempt keeps the seats in Redis, then its transaction fails writing SeatsKept to the outbox
        try (var fault = DatabaseFaults.refuseFirstInsert(jdbc, "event_publication",
                "NEW.event_type LIKE '%SeatsKept' AND NEW.serialized_event LIKE '%" + show.showId() + "%'")) {
            events.send(cancelled);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM processed_event WHERE event_id = ?").param(cancelled.eventId())
                    .query(Integer.class).single() == 1);
            assertThat(fault.struck()).isTrue();
        }

        assertThat(seat(redis, show, "A1")).isEqualTo("KEPT");
        assertThat(counts(redis, show)).containsEntry("kept", "2").containsEntry("available", "2");
        assertThat(redis.<String, String>getMap(SeatKeys.of(show.showId()).customers(), StringCodec.INSTANCE)
                .get(ana.toString())).as("uncounted once").isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> !HOLD_EVENTS
                .events(SeatsKept.class, kept -> kept.showId().equals(show.showId()) && kept.seatCount() == 2).isEmpty());
    }

    @Test
    void aSeatMapRedisLostComesBackWithItsLineAndKeepsItsFreeSeatsForTheLine() throws Exception {
        ShowScheduled show = onSale(1, 6);
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        String bensHold = customer(ben).post(holds(show), Map.of("seatIds", List.of("A1"))).text("holdId");
        String anasHold = customer(ana).post(holds(show), Map.of("seatIds", List.of("A2", "A3", "A4", "A5", "A6")))
                .text("holdId");
        api().request("PUT", line(show, entry), null, null);

        redis.getKeys().deleteByPattern("show:{" + show.showId() + "}:*");
        customer(ana).delete("/api/v1/holds/" + anasHold);

        // the next read rebuilds the show: Ben's hold, the line, and the free seats kept for it
        assertThat(seatMapStatus(api(), show, "A4")).isEqualTo("HELD");
        assertThat(seat(redis, show, "A1")).isEqualTo("HELD:" + bensHold);
        assertThat(seat(redis, show, "A4")).isEqualTo("KEPT");
        assertThat(counts(redis, show)).containsEntry("kept", "5").containsEntry("held", "1").containsEntry("available", "0");
        assertThat(redis.getSet(SeatKeys.of(show.showId()).line(), StringCodec.INSTANCE).readAll())
                .containsExactly(entry.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> !HOLD_EVENTS
                .events(SeatsKept.class, kept -> kept.showId().equals(show.showId()) && kept.seatCount() == 5).isEmpty());
        var newcomer = customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("A4")));
        assertThat(newcomer.text("code")).isEqualTo("SEATS_HELD");
        List<String> published = new CopyOnWriteArrayList<>();
        redis.getTopic(SeatKeys.of(show.showId()).changes(), StringCodec.INSTANCE)
                .addListener(String.class, (channel, change) -> published.add(change));
        var offered = api().post("/internal/v1/shows/" + show.showId() + "/offers",
                Map.of("entryId", entry, "customerId", UUID.randomUUID(), "seatCount", 2));
        assertThat(offered.json().path("seatIds").toString()).isEqualTo("[\"A2\",\"A3\"]");
        // the change sequence resumed far above the lost one, and is still published as a whole number
        await().atMost(Duration.ofSeconds(5)).until(() -> !published.isEmpty());
        assertThat(published.getFirst()).matches("\\d{16,}\\|A2=HELD,A3=HELD");
    }

    private ShowScheduled onSale(int rows, int seatsPerRow) {
        return ShowsOnSale.onSale(jdbc, rows, seatsPerRow);
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
