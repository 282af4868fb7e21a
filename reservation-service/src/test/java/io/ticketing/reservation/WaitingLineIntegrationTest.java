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
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

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
import io.ticketing.events.reservation.SeatsKept;
import io.ticketing.reservation.seating.SeatKeys;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.EventRecorder;
import tools.jackson.databind.JsonNode;

/**
 * Seats freed while customers wait in a show's line are kept for it: shown as held, not takeable by newcomers,
 * offered to a waiter as a regular hold (side by side where possible), or put back on sale once no waiter can
 * use them. waiting-service's calls are made here directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaitingLineIntegrationTest extends ReservationIntegrationTest {

    private final EventProducer events = EventProducer.shared();

    private static final EventRecorder HOLD_EVENTS = EventRecorder.of(Topics.RESERVATION_HOLD_EVENTS);
    /** booking-service, asked when a seat map is rebuilt: nothing of these shows is sold or blocked. */
    private static final HttpServer BOOKING = nothingSold();

    @DynamicPropertySource
    static void bookingService(DynamicPropertyRegistry registry) {
        registry.add("ticketing.reservation.booking-url", () -> "http://127.0.0.1:" + BOOKING.getAddress().getPort());
    }

    @AfterAll
    static void stopBooking() {
        BOOKING.stop(0);
        HOLD_EVENTS.close();
    }

    /** A booking-service that has sold nothing of any show (what a seat-map rebuild asks it). */
    static HttpServer nothingSold() {
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

    @Autowired
    RedissonClient redis;

    @Autowired
    DataSource dataSource;

    @Test
    void seatsFreedWhileSomeoneWaitsAreKeptForTheLineAndOfferedToAWaiter() {
        ShowScheduled show = onSale(1, 6);
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        var anasHold = customer(ana).post(holds(show), Map.of("seatIds", List.of("A2", "A3", "A5")));
        assertThat(enter(show, entry)).isEqualTo(204);

        assertThat(customer(ana).delete("/api/v1/holds/" + anasHold.text("holdId")).status()).isEqualTo(204);

        assertThat(seat(redis, show, "A2")).isEqualTo("KEPT");
        assertThat(seatMapStatus(api(), show, "A3")).isEqualTo("HELD");
        var newcomer = customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("A3")));
        assertThat(newcomer.status()).isEqualTo(409);
        assertThat(newcomer.text("code")).isEqualTo("SEATS_HELD");
        assertThat(counts(redis, show)).containsEntry("kept", "3").containsEntry("available", "3").containsEntry("held", "0");

        var offered = offer(show, entry, ben, 2);
        var again = offer(show, entry, ben, 2);
        var tooMany = offer(show, UUID.randomUUID(), UUID.randomUUID(), 2);

        assertThat(offered.path("outcome").asString()).as(offered.toString()).isEqualTo("OFFERED");
        assertThat(offered.path("hold").path("seatIds").toString()).as("side by side").isEqualTo("[\"A2\",\"A3\"]");
        assertThat(offered.path("hold").path("status").asString()).isEqualTo("HELD");
        String holdId = offered.path("hold").path("holdId").asString();
        assertThat(customer(ben).get("/api/v1/holds/" + holdId).status()).isEqualTo(200);
        assertThat(again.path("hold").path("holdId").asString()).isEqualTo(holdId);
        assertThat(tooMany.path("outcome").asString()).isEqualTo("NOT_ENOUGH_KEPT");
        assertThat(counts(redis, show)).containsEntry("kept", "1").containsEntry("held", "2");

        // waiting-service finds that no waiter can use the kept seat
        var released = api().post("/internal/v1/shows/" + show.showId() + "/kept-seats/release", Map.of());
        assertThat(released.json().path("released").asInt()).isEqualTo(1);
        assertThat(seat(redis, show, "A5")).isEqualTo("AVAILABLE");
        assertThat(counts(redis, show)).containsEntry("kept", "0").containsEntry("available", "4");
        assertThat(leave(show, entry)).isEqualTo(204);
    }

    @Test
    void aRoundOffersKeptSeatsDownTheLineUntilAWaiterCannotBeServed() {
        ShowScheduled show = onSale(2, 10);
        UUID ana = UUID.randomUUID();
        UUID carl = UUID.randomUUID();
        var anasHold = customer(ana).post(holds(show), Map.of("seatIds", List.of("A1", "A2", "A3", "A4", "A5", "A6")));
        customer(carl).post(holds(show), Map.of("seatIds", List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9")));
        List<UUID> entries = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());
        entries.forEach(entry -> enter(show, entry));
        customer(ana).delete("/api/v1/holds/" + anasHold.text("holdId"));
        assertThat(counts(redis, show)).containsEntry("kept", "6");

        // Ben 2, Carl 2 (he holds 9 already: refused, the next waiter is served), Dan 3, Eve 2 (1 seat left), Fay 1
        int[] seatCounts = { 2, 2, 3, 2, 1 };
        List<UUID> customers = List.of(UUID.randomUUID(), carl, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<Map<String, Object>> waiters = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            waiters.add(Map.of("entryId", entries.get(i), "customerId", customers.get(i), "seatCount", seatCounts[i]));
        }
        var outcomes = offers(show, waiters).path("outcomes");

        assertThat(outcomes).as(outcomes.toString()).hasSize(4);
        assertThat(outcomes.get(0).path("outcome").asString()).isEqualTo("OFFERED");
        assertThat(outcomes.get(0).path("hold").path("seatIds").toString()).isEqualTo("[\"A1\",\"A2\"]");
        assertThat(outcomes.get(1).path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(outcomes.get(1).path("code").asString()).isEqualTo("TOO_MANY_SEATS");
        assertThat(outcomes.get(2).path("outcome").asString()).isEqualTo("OFFERED");
        assertThat(outcomes.get(2).path("hold").path("seatIds").toString()).isEqualTo("[\"A3\",\"A4\",\"A5\"]");
        assertThat(outcomes.get(3).path("entryId").asString()).isEqualTo(entries.get(3).toString());
        assertThat(outcomes.get(3).path("outcome").asString()).as("Fay, after Eve, is not offered the last seat")
                .isEqualTo("NOT_ENOUGH_KEPT");
        assertThat(counts(redis, show)).containsEntry("kept", "1").containsEntry("held", "14");
        assertThat(customer(customers.get(2)).get("/api/v1/holds/" + outcomes.get(2).path("hold").path("holdId")
                .asString()).text("status")).isEqualTo("HELD");
        // offered again (a round whose answer waiting-service never heard), Ben and Dan get the holds they have
        var again = offers(show, List.of(waiters.get(0), waiters.get(2))).path("outcomes");
        assertThat(again).as(again.toString()).hasSize(2);
        assertThat(again.get(0).path("hold").path("holdId")).isEqualTo(outcomes.get(0).path("hold").path("holdId"));
        assertThat(again.get(1).path("hold").path("holdId")).isEqualTo(outcomes.get(2).path("hold").path("holdId"));
        assertThat(counts(redis, show)).containsEntry("kept", "1").containsEntry("held", "14");
    }

    @Test
    void aRoundThatFailsAfterAnOfferAnswersTheOfferAndFreesTheSeatsOfTheWaiterItFailedFor() {
        ShowScheduled show = onSale(1, 6);
        UUID ana = UUID.randomUUID();
        var anasHold = customer(ana).post(holds(show), Map.of("seatIds", List.of("A1", "A2", "A3", "A4")));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        List.of(first, second, third).forEach(entry -> enter(show, entry));
        customer(ana).delete("/api/v1/holds/" + anasHold.text("holdId"));
        UUID ben = UUID.randomUUID();
        UUID carl = UUID.randomUUID();
        List<Map<String, Object>> waiters = List.of(
                Map.of("entryId", first, "customerId", ben, "seatCount", 2),
                Map.of("entryId", second, "customerId", carl, "seatCount", 1),
                Map.of("entryId", third, "customerId", UUID.randomUUID(), "seatCount", 1));

        // the second waiter's hold cannot be recorded: the database refuses its row
        JsonNode outcomes;
        try (var fault = DatabaseFaults.refuseFirstInsert(jdbc, "hold", "NEW.customer_id = '" + carl + "'")) {
            outcomes = offers(show, waiters).path("outcomes");
            assertThat(fault.struck()).isTrue();
        }

        assertThat(outcomes).as(outcomes.toString()).hasSize(2);
        assertThat(outcomes.get(0).path("outcome").asString()).isEqualTo("OFFERED");
        assertThat(outcomes.get(1).path("entryId").asString()).isEqualTo(second.toString());
        assertThat(outcomes.get(1).path("outcome").asString()).as("the third waiter is not served before the second")
                .isEqualTo("FAILED");
        assertThat(customer(ben).get("/api/v1/holds/" + outcomes.get(0).path("hold").path("holdId").asString())
                .text("status")).isEqualTo("HELD");
        assertThat(counts(redis, show)).as("the failed hold's seat is kept for the line again").containsEntry("kept", "2")
                .containsEntry("held", "2");

        // a round that fails before any offer is made fails as a whole
        try (var fault = DatabaseFaults.refuseInserts(jdbc, "hold", "NEW.customer_id = '" + carl + "'")) {
            var refused = api().post(offers(show), Map.of("waiters", List.of(waiters.get(1))));
            assertThat(refused.status()).as(refused.body()).isGreaterThanOrEqualTo(500);
        }
        var again = offers(show, waiters.subList(1, 3)).path("outcomes");
        assertThat(again).extracting(outcome -> outcome.path("outcome").asString()).containsExactly("OFFERED", "OFFERED");
        assertThat(counts(redis, show)).containsEntry("kept", "0").containsEntry("held", "4");
    }

    @Test
    void seatsOfACancelledBookingAreKeptWhileSomeoneWaits() {
        ShowScheduled show = onSale(1, 4);
        UUID ana = UUID.randomUUID();
        UUID bookingId = UUID.randomUUID();
        events.send(new BookingConfirmed(UUID.randomUUID(), Instant.now(), bookingId, UUID.randomUUID(), "pi_1",
                show.showId(), ana, List.of("A1"), new BigDecimal("16.00"), "EUR", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SOLD".equals(seat(redis, show, "A1")));
        enter(show, UUID.randomUUID());

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
        enter(show, UUID.randomUUID());
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
        enter(show, entry);
        customer(ana).delete("/api/v1/holds/" + anasHold);

        redis.getKeys().deleteByPattern("show:{" + show.showId() + "}:*");

        // the next read rebuilds the show: Ben's hold, the line, and the free seats kept for it again
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
        var offered = offer(show, entry, UUID.randomUUID(), 2);
        assertThat(offered.path("hold").path("seatIds").toString()).isEqualTo("[\"A2\",\"A3\"]");
        // the change sequence resumed far above the lost one, and is still published as a whole number
        await().atMost(Duration.ofSeconds(5)).until(() -> !published.isEmpty());
        assertThat(published.getFirst()).matches("\\d{16,}\\|A2=HELD,A3=HELD");
    }

    @Test
    void aHoldReleasedWhileItsLostSeatMapIsRebuiltIsNotWrittenBackAsHeld() throws Exception {
        ShowScheduled show = onSale(1, 4);
        UUID ana = UUID.randomUUID();
        String anasHold = customer(ana).post(holds(show), Map.of("seatIds", List.of("A1", "A2", "A3", "A4")))
                .text("holdId");
        enter(show, UUID.randomUUID());

        try (Connection lineLock = dataSource.getConnection()) {
            // a rebuild reads the holds, then the line: locking the line's table keeps it between the two
            lineLock.setAutoCommit(false);
            lineLock.createStatement().execute("LOCK TABLE waiting_line_entry IN ACCESS EXCLUSIVE MODE");
            redis.getKeys().deleteByPattern("show:{" + show.showId() + "}:*");
            var read = CompletableFuture.supplyAsync(() -> seatMapStatus(api(), show, "A1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND query LIKE '%waiting_line_entry%'""").query(Integer.class)
                    .single() > 0);
            // Ana lets go while the rebuild has read her hold as held
            var release = CompletableFuture.supplyAsync(() -> customer(ana).delete("/api/v1/holds/" + anasHold));
            try {
                release.get(1, TimeUnit.SECONDS);
            }
            catch (TimeoutException waitingForTheRebuild) {
                // the release waits for the rebuild to finish
            }
            lineLock.commit();

            assertThat(release.get(30, TimeUnit.SECONDS).status()).isEqualTo(204);
            assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("HELD");
        }
        assertThat(List.of(seat(redis, show, "A1"), seat(redis, show, "A4"))).as("kept for the line, not held by the "
                + "released hold").containsOnly("KEPT");
        assertThat(counts(redis, show)).containsEntry("kept", "4").containsEntry("held", "0");
    }

    @Test
    void theLastWaiterLeavingPutsEveryKeptSeatBackOnSale() {
        ShowScheduled show = onSale(1, 6);
        UUID ana = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        var anasHold = customer(ana).post(holds(show), Map.of("seatIds", List.of("A1", "A2", "A3")));
        enter(show, first);
        enter(show, last);
        customer(ana).delete("/api/v1/holds/" + anasHold.text("holdId"));
        assertThat(counts(redis, show)).containsEntry("kept", "3");

        assertThat(leave(show, first)).isEqualTo(204);
        assertThat(seat(redis, show, "A1")).as("someone still waits").isEqualTo("KEPT");

        // waiting-service removes the last waiter late (it could not reach this service when the waiter left):
        // nobody is left to keep seats for, so they go back on sale in the same step, without another call
        assertThat(leave(show, last)).isEqualTo(204);

        assertThat(List.of(seat(redis, show, "A1"), seat(redis, show, "A2"), seat(redis, show, "A3")))
                .containsOnly("AVAILABLE");
        assertThat(counts(redis, show)).containsEntry("kept", "0").containsEntry("available", "6");
        assertThat(seatMapStatus(api(), show, "A2")).isEqualTo("AVAILABLE");
        assertThat(customer(UUID.randomUUID()).post(holds(show), Map.of("seatIds", List.of("A2"))).status())
                .isEqualTo(201);
        assertThat(leave(show, last)).as("leaving twice").isEqualTo(204);
    }

    @Test
    void anEntryThatLeftNeverComesBackThroughALateEnter() {
        ShowScheduled show = onSale(1, 4);
        UUID ana = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        var anasHold = customer(ana).post(holds(show), Map.of("seatIds", List.of("A1")));
        enter(show, entry);
        leave(show, entry);

        // an enter that was sent before the leave but arrives after it (a slow request, a retry of a timed-out one)
        assertThat(enter(show, entry)).isEqualTo(204);

        assertThat(redis.getSet(SeatKeys.of(show.showId()).line(), StringCodec.INSTANCE).readAll()).isEmpty();
        customer(ana).delete("/api/v1/holds/" + anasHold.text("holdId"));
        assertThat(seat(redis, show, "A1")).as("no ghost in the line keeps freed seats").isEqualTo("AVAILABLE");
        // nor does a seat map rebuilt from PostgreSQL get it back
        redis.getKeys().deleteByPattern("show:{" + show.showId() + "}:*");
        assertThat(seatMapStatus(api(), show, "A1")).isEqualTo("AVAILABLE");
        assertThat(redis.getSet(SeatKeys.of(show.showId()).line(), StringCodec.INSTANCE).readAll()).isEmpty();
    }

    @Test
    void aWithdrawnOfferFreesItsSeatsForTheLineAndTheWaiterCanBeOfferedAgain() {
        ShowScheduled show = onSale(1, 6);
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        var anasHold = customer(ana).post(holds(show), Map.of("seatIds", List.of("A1", "A2", "A3")));
        enter(show, entry);
        enter(show, UUID.randomUUID());
        customer(ana).delete("/api/v1/holds/" + anasHold.text("holdId"));
        String offered = offer(show, entry, ben, 2).path("hold").path("holdId").asString();

        // waiting-service could not record the offer: it takes it back
        var withdrawn = api().request("DELETE", offers(show) + "/" + offered, null, null);

        assertThat(withdrawn.status()).isEqualTo(204);
        assertThat(customer(ben).get("/api/v1/holds/" + offered).text("status")).isEqualTo("RELEASED");
        assertThat(counts(redis, show)).containsEntry("kept", "3").containsEntry("held", "0");
        var again = offer(show, entry, ben, 2).path("hold");
        assertThat(again.path("holdId").asString()).as("a new hold, not the withdrawn one").isNotEqualTo(offered);
        assertThat(again.path("status").asString()).isEqualTo("HELD");
        assertThat(api().request("DELETE", offers(show) + "/" + offered, null, null).status()).as("withdrawn twice")
                .isEqualTo(204);
        assertThat(customer(ben).get("/api/v1/holds/" + again.path("holdId").asString()).text("status")).isEqualTo("HELD");
    }

    private static String offers(ShowScheduled show) {
        return "/internal/v1/shows/" + show.showId() + "/offers";
    }

    private ShowScheduled onSale(int rows, int seatsPerRow) {
        return ShowsOnSale.onSale(jdbc, rows, seatsPerRow);
    }

    private static String holds(ShowScheduled show) {
        return "/api/v1/shows/" + show.showId() + "/holds";
    }

    /** waiting-service's line sync: the entry joined the show's line. */
    private int enter(ShowScheduled show, UUID entry) {
        return api().post("/internal/v1/shows/" + show.showId() + "/line", Map.of("entered", List.of(entry), "left",
                List.of())).status();
    }

    /** waiting-service's line sync: the entry left the show's line. */
    private int leave(ShowScheduled show, UUID entry) {
        return api().post("/internal/v1/shows/" + show.showId() + "/line", Map.of("entered", List.of(), "left",
                List.of(entry))).status();
    }

    /** A round of offers to one waiter: its outcome. */
    private JsonNode offer(ShowScheduled show, UUID entry, UUID customerId, int seatCount) {
        var round = offers(show, List.of(Map.of("entryId", entry, "customerId", customerId, "seatCount", seatCount)));
        assertThat(round.path("outcomes")).as(round.toString()).hasSize(1);
        return round.path("outcomes").get(0);
    }

    private JsonNode offers(ShowScheduled show, List<Map<String, Object>> waiters) {
        var answer = api().post(offers(show), Map.of("waiters", waiters));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonApi api() {
        return JsonApi.asGateway("http://127.0.0.1:" + port);
    }

    private JsonApi customer(UUID customerId) {
        return api().withHeader("X-Customer-Id", customerId.toString());
    }
}
