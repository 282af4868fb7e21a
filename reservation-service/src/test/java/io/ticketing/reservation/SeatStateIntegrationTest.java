package io.ticketing.reservation;

import static io.ticketing.reservation.ShowSeats.counts;
import static io.ticketing.reservation.ShowSeats.seat;
import static io.ticketing.reservation.ShowSeats.seatMapStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.ticketing.events.Topics;
import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.reservation.SeatsBlocked;
import io.ticketing.events.reservation.SeatsUnblocked;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.EventRecorder;

/**
 * The seat map follows booking-service's sales and the venue's blocked seats, and when Redis loses a show it
 * is rebuilt from PostgreSQL: sold and blocked seats from booking-service (played here by a small HTTP server
 * answering its seat-states endpoint; the system tests use the real one), running holds from the hold records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeatStateIntegrationTest extends ReservationIntegrationTest {

    /** booking-service's seat states per show, as JSON; a show without an entry is answered 404. */
    private static final Map<UUID, String> BOOKING = new ConcurrentHashMap<>();
    private static final HttpServer BOOKING_SERVER = bookingServer();
    private static final EventRecorder HOLD_EVENTS = EventRecorder.of(Topics.RESERVATION_HOLD_EVENTS);

    private final EventProducer events = EventProducer.shared();

    @DynamicPropertySource
    static void bookingService(DynamicPropertyRegistry registry) {
        registry.add("ticketing.reservation.booking-url",
                () -> "http://127.0.0.1:" + BOOKING_SERVER.getAddress().getPort());
    }

    @AfterAll
    static void stopBooking() {
        BOOKING_SERVER.stop(0);
        HOLD_EVENTS.close();
    }

    @Autowired
    RedissonClient redis;

    @Test
    void soldSeatsAreSoldInTheSeatMapAndCountAgainstTheCustomersLimitUntilCancelled() {
        ShowScheduled show = onSale(3, 10);
        UUID ana = UUID.randomUUID();
        var hold = customer(ana).post(holds(show), Map.of("seatIds", List.of("A1", "A2", "A3", "A4")));
        UUID holdId = UUID.fromString(hold.text("holdId"));
        UUID bookingId = UUID.randomUUID();

        events.send(confirmed(show, bookingId, holdId, ana, List.of("A1", "A2", "A3", "A4")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> customer(ana).get("/api/v1/holds/" + holdId).text("status").equals("CONFIRMED"));
        var confirmedHold = customer(ana).get("/api/v1/holds/" + holdId);
        assertThat(confirmedHold.text("bookingId")).isEqualTo(bookingId.toString());
        assertThat(seatMapStatus(api(), show, "A1")).isEqualTo("SOLD");
        assertThat(customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("A1"))).text("code"))
                .isEqualTo("SEATS_UNAVAILABLE");
        assertThat(customer(ana).post(holds(show), Map.of("seatIds", List.of("B1", "B2", "B3", "B4", "B5", "B6")))
                .status()).isEqualTo(201);
        var eleventh = customer(ana).post(holds(show), Map.of("seatIds", List.of("C1")));
        assertThat(eleventh.status()).isEqualTo(422);
        assertThat(eleventh.text("code")).isEqualTo("TOO_MANY_SEATS");

        events.send(new BookingCancelled(UUID.randomUUID(), Instant.now(), bookingId, holdId, "pi_1", show.showId(),
                ana, List.of("A1", "A2", "A3", "A4"), new BigDecimal("64.00"), "EUR", null));

        await().atMost(Duration.ofSeconds(30)).until(() -> "AVAILABLE".equals(seat(redis, show, "A1")));
        assertThat(customer(ana).post(holds(show), Map.of("seatIds", List.of("C1", "C2", "C3", "C4"))).status())
                .isEqualTo(201);
        assertThat(counts(redis, show)).containsEntry("available", "20").containsEntry("held", "10");
    }

    @Test
    void aLapsedHoldConfirmedLateTakesItsFreeSeatsAndTheShowSellsOut() {
        ShowScheduled show = onSale(1, 2);
        UUID ana = UUID.randomUUID();

        // the hold lapsed before its payment landed: Redis no longer knows it, booking-service found the seats free
        events.send(confirmed(show, UUID.randomUUID(), UUID.randomUUID(), ana, List.of("A1", "A2")));

        await().atMost(Duration.ofSeconds(30)).until(() -> "SOLD".equals(seat(redis, show, "A2")));
        var full = customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("A1")));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.text("code")).isEqualTo("SHOW_FULL");
        assertThat(counts(redis, show)).containsEntry("available", "0").containsEntry("held", "0");
        assertThat(redis.<String, String>getMap("show:{" + show.showId() + "}:customers", StringCodec.INSTANCE)
                .get(ana.toString())).isEqualTo("2");
    }

    @Test
    void aShowsSeatCountsReadItsSeatTotalNotItsLayout() {
        ShowScheduled show = onSale(2, 5);
        // an open waiting room asks every 2 s: reading the layout kept a 60,000-seat arena's plan in memory for it
        jdbc.sql("UPDATE seating_plan SET layout = '[]'::jsonb WHERE show_id = ?").param(show.showId()).update();

        var seatCounts = api().get("/internal/v1/shows/" + show.showId() + "/seat-counts");

        assertThat(seatCounts.status()).isEqualTo(200);
        assertThat(seatCounts.json().path("total").asInt()).isEqualTo(10);
        assertThat(seatCounts.json().path("available").asInt()).isEqualTo(10);
    }

    @Test
    void theVenueBlocksFreeSeatsAllOrNoneAndUnblocksThem() {
        ShowScheduled show = onSale(2, 5);
        var held = customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("B5")));
        assertThat(held.status()).isEqualTo(201);

        var blocked = admin().post(blockedSeats(show), Map.of("seatIds", List.of("A1", "A2")));
        var withHeld = admin().post(blockedSeats(show), Map.of("seatIds", List.of("B4", "B5")));
        var unknown = admin().post(blockedSeats(show), Map.of("seatIds", List.of("Z9")));
        var noShow = admin().post("/api/v1/admin/shows/" + UUID.randomUUID() + "/blocked-seats",
                Map.of("seatIds", List.of("A1")));

        assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
        assertThat(blocked.json().path("seatIds").toString()).isEqualTo("[\"A1\",\"A2\"]");
        assertThat(seatMapStatus(api(), show, "A1")).isEqualTo("BLOCKED");
        assertThat(withHeld.status()).isEqualTo(409);
        assertThat(withHeld.text("code")).isEqualTo("SEATS_HELD");
        assertThat(seat(redis, show, "B4")).isEqualTo("AVAILABLE");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(noShow.status()).isEqualTo(404);
        assertThat(admin().get(blockedSeats(show)).json().path("seatIds").size()).isEqualTo(2);
        assertThat(customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("A1"))).text("code"))
                .isEqualTo("SEATS_UNAVAILABLE");
        await().atMost(Duration.ofSeconds(30)).until(() -> !HOLD_EVENTS.events(SeatsBlocked.class,
                event -> event.showId().equals(show.showId())).isEmpty());
        assertThat(HOLD_EVENTS.events(SeatsBlocked.class, event -> event.showId().equals(show.showId())))
                .hasSize(1);

        var unblocked = admin().request("DELETE", blockedSeats(show), "application/json", "{\"seatIds\":[\"A1\"]}");

        assertThat(unblocked.status()).isEqualTo(200);
        assertThat(unblocked.json().path("seatIds").toString()).isEqualTo("[\"A2\"]");
        assertThat(seat(redis, show, "A1")).isEqualTo("AVAILABLE");
        assertThat(counts(redis, show)).containsEntry("available", "8");
        var seatCounts = api().get("/internal/v1/shows/" + show.showId() + "/seat-counts");
        assertThat(seatCounts.json().path("total").asInt()).isEqualTo(10);
        assertThat(seatCounts.json().path("available").asInt()).isEqualTo(8);
        assertThat(seatCounts.json().path("held").asInt()).isEqualTo(1);
        assertThat(api().get("/internal/v1/shows/" + UUID.randomUUID() + "/seat-counts").status()).isEqualTo(404);
        // booking-service orders blocks and unblocks by version: the later change has the higher one
        long blockVersion = HOLD_EVENTS.events(SeatsBlocked.class, event -> event.showId().equals(show.showId()))
                .getFirst().version();
        var unblockEvents = await().atMost(Duration.ofSeconds(30)).until(() -> HOLD_EVENTS.events(SeatsUnblocked.class,
                event -> event.showId().equals(show.showId())), events -> !events.isEmpty());
        assertThat(blockVersion).isPositive();
        assertThat(unblockEvents.getFirst().version()).isGreaterThan(blockVersion);
    }

    @Test
    void rebuildsAShowRedisLostFromSalesBlocksAndRunningHolds() {
        ShowScheduled show = onSale(3, 5);
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        var anasHold = customer(ana).post(holds(show), Map.of("seatIds", List.of("A1", "A2")));
        var released = customer(ana).post(holds(show), Map.of("seatIds", List.of("A5")));
        customer(ana).delete("/api/v1/holds/" + released.text("holdId"));
        admin().post(blockedSeats(show), Map.of("seatIds", List.of("C1")));
        long lastToken = jdbc.sql("SELECT max(fencing_token) FROM hold WHERE show_id = ?").param(show.showId())
                .query(Long.class).single();
        BOOKING.put(show.showId(), """
                {"showId":"%s","sold":{"B1":"%s","B2":"%s"},"blocked":["C1"],"fence":%d}"""
                .formatted(show.showId(), ben, ben, lastToken + 5));

        redis.getKeys().deleteByPattern("show:{" + show.showId() + "}:*");

        var seatMap = customer(ana).get("/api/v1/shows/" + show.showId() + "/seats");
        assertThat(seatMap.status()).as(seatMap.body()).isEqualTo(200);
        assertThat(seatMapStatus(api(), show, "A1")).isEqualTo("HELD");
        assertThat(seatMap.json().path("rows").get(0).path("seats").get(0).path("heldByYou").asBoolean()).isTrue();
        assertThat(seatMapStatus(api(), show, "A5")).isEqualTo("AVAILABLE");
        assertThat(seatMapStatus(api(), show, "B1")).isEqualTo("SOLD");
        assertThat(seatMapStatus(api(), show, "C1")).isEqualTo("BLOCKED");
        assertThat(counts(redis, show)).containsEntry("available", "10").containsEntry("held", "2");
        assertThat(customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("A2"))).text("code"))
                .isEqualTo("SEATS_HELD");
        assertThat(customer(ben).post(holds(show), Map.of("seatIds", List.of("B3", "B4", "B5", "C2", "C3", "C4",
                "C5", "A3", "A4"))).text("code")).as("ben bought 2 seats already").isEqualTo("TOO_MANY_SEATS");
        var next = customer(ben).post(holds(show), Map.of("seatIds", List.of("B3")));
        assertThat(next.status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT fencing_token FROM hold WHERE id = ?").param(UUID.fromString(next.text("holdId")))
                .query(Long.class).single()).as("above every token booking has seen").isGreaterThan(lastToken + 5);

        assertThat(customer(ana).delete("/api/v1/holds/" + anasHold.text("holdId")).status()).isEqualTo(204);
        assertThat(seat(redis, show, "A1")).isEqualTo("AVAILABLE");
    }

    @Test
    void aPaidHoldWhoseConfirmationFindsTheShowLostCountsOnceAgainstTheCustomersLimit() {
        ShowScheduled show = onSale(2, 10);
        UUID ana = UUID.randomUUID();
        List<String> paid = List.of("A1", "A2", "A3", "A4");
        UUID holdId = UUID.fromString(customer(ana).post(holds(show), Map.of("seatIds", paid)).text("holdId"));
        BOOKING.put(show.showId(), """
                {"showId":"%s","sold":{"A1":"%s","A2":"%s","A3":"%s","A4":"%s"},"blocked":[],"fence":0}"""
                .formatted(show.showId(), ana, ana, ana, ana));
        redis.getKeys().deleteByPattern("show:{" + show.showId() + "}:*");

        // the first thing to touch the lost show is the sale of the paid hold
        events.send(confirmed(show, UUID.randomUUID(), holdId, ana, paid));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> customer(ana).get("/api/v1/holds/" + holdId).text("status").equals("CONFIRMED"));
        assertThat(seat(redis, show, "A1")).isEqualTo("SOLD");
        assertThat(redis.<String, String>getMap("show:{" + show.showId() + "}:customers", StringCodec.INSTANCE)
                .get(ana.toString())).isEqualTo("4");
        assertThat(counts(redis, show)).containsEntry("held", "0").containsEntry("available", "16");
        var sixMore = customer(ana).post(holds(show), Map.of("seatIds", List.of("B1", "B2", "B3", "B4", "B5", "B6")));
        assertThat(sixMore.status()).as(sixMore.body()).isEqualTo(201);
    }

    @Test
    void aRebuiltFencingCounterStartsAboveEveryTokenThatCouldHaveBeenHandedOut() {
        ShowScheduled show = onSale(1, 5);
        var first = customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("A1")));
        assertThat(first.status()).isEqualTo(201);
        // another hold got the next token from Redis, and Redis lost the show before that hold was recorded
        long inFlight = redis.getAtomicLong("show:{" + show.showId() + "}:fence").incrementAndGet();
        redis.getKeys().deleteByPattern("show:{" + show.showId() + "}:*");

        var next = customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("A2")));

        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT fencing_token FROM hold WHERE id = ?").param(UUID.fromString(next.text("holdId")))
                .query(Long.class).single()).isGreaterThan(inFlight);
    }

    @Test
    void afterRedisRestartedEmptyHeldStaysHeldSoldStaysSoldAndRacingCustomersGetEachSeatOnce() throws Exception {
        ShowScheduled show = onSale(3, 10);
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        var anasHold = customer(ana).post(holds(show), Map.of("seatIds", List.of("A1", "A2")));
        events.send(confirmed(show, UUID.randomUUID(), UUID.randomUUID(), ben, List.of("B1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SOLD".equals(seat(redis, show, "B1")));
        BOOKING.put(show.showId(), "{\"showId\":\"%s\",\"sold\":{\"B1\":\"%s\"},\"blocked\":[],\"fence\":0}"
                .formatted(show.showId(), ben));

        TestInfrastructure.restartRedisEmpty();

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> redis.getKeys().count() >= 0);
        // the first requests after the loss race each other and the rebuild: one instance rebuilds, all wait for it
        List<List<String>> wanted = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            int first = random.nextInt(9);
            wanted.add(List.of(String.valueOf((char) ('A' + random.nextInt(3))) + (first + 1),
                    String.valueOf((char) ('A' + random.nextInt(3))) + (first + 2)));
        }
        List<JsonApi.Response> answers = race(show, wanted);

        Map<String, String> owners = new HashMap<>();
        for (JsonApi.Response answer : answers) {
            if (answer.status() == 201) {
                for (var seatId : answer.json().path("seatIds")) {
                    assertThat(owners.put(seatId.asString(), answer.text("holdId"))).as(seatId.asString()).isNull();
                }
            }
            else {
                assertThat(answer.text("code")).as(answer.body()).isIn("SEATS_HELD", "SEATS_UNAVAILABLE");
            }
        }
        assertThat(owners).doesNotContainKeys("A1", "A2", "B1").isNotEmpty();
        assertThat(seatMapStatus(api(), show, "A1")).isEqualTo("HELD");
        assertThat(seatMapStatus(api(), show, "B1")).isEqualTo("SOLD");
        owners.forEach((seatId, holdId) -> assertThat(seat(redis, show, seatId)).isEqualTo("HELD:" + holdId));
        assertThat(customer(ana).delete("/api/v1/holds/" + anasHold.text("holdId")).status()).isEqualTo(204);
        assertThat(seat(redis, show, "A1")).isEqualTo("AVAILABLE");
    }

    @Test
    void aSeatMapThatCannotBeRebuiltYetIsAnswered503() {
        ShowScheduled show = onSale(1, 5);
        BOOKING.put(show.showId(), "broken");
        redis.getKeys().deleteByPattern("show:{" + show.showId() + "}:*");

        var seatMap = api().get("/api/v1/shows/" + show.showId() + "/seats");
        var hold = customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("A1")));

        assertThat(seatMap.status()).isEqualTo(503);
        assertThat(seatMap.isProblem()).isTrue();
        assertThat(seatMap.text("code")).isEqualTo("SEAT_MAP_RECOVERING");
        assertThat(hold.status()).isEqualTo(503);
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE show_id = ?").param(show.showId()).query(Integer.class)
                .single()).isZero();
    }

    /** Every customer asks for their seats at the same moment. */
    private List<JsonApi.Response> race(ShowScheduled show, List<List<String>> wanted) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(wanted.size())) {
            List<Future<JsonApi.Response>> answers = new ArrayList<>();
            for (List<String> seats : wanted) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", seats));
                }));
            }
            go.countDown();
            List<JsonApi.Response> responses = new ArrayList<>();
            for (Future<JsonApi.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        }
    }

    private static BookingConfirmed confirmed(ShowScheduled show, UUID bookingId, UUID holdId, UUID customer,
            List<String> seats) {
        return new BookingConfirmed(UUID.randomUUID(), Instant.now(), bookingId, holdId, "pi_" + bookingId,
                show.showId(), customer, seats, new BigDecimal("16.00").multiply(BigDecimal.valueOf(seats.size())),
                "EUR", null);
    }

    private ShowScheduled onSale(int rows, int seatsPerRow) {
        return ShowsOnSale.onSale(jdbc, rows, seatsPerRow);
    }

    private static String holds(ShowScheduled show) {
        return "/api/v1/shows/" + show.showId() + "/holds";
    }

    private static String blockedSeats(ShowScheduled show) {
        return "/api/v1/admin/shows/" + show.showId() + "/blocked-seats";
    }

    private JsonApi api() {
        return JsonApi.asGateway("http://127.0.0.1:" + port);
    }

    private JsonApi admin() {
        return api();
    }

    private JsonApi customer(UUID customerId) {
        return api().withHeader("X-Customer-Id", customerId.toString());
    }

    private static HttpServer bookingServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/v1/shows/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                UUID showId = UUID.fromString(path.split("/")[4]);
                String body = BOOKING.get(showId);
                int status = body == null ? 404 : body.equals("broken") ? 500 : 200;
                byte[] bytes = (body == null || status != 200 ? "{}" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
