package io.ticketing.reservation;

import static io.ticketing.reservation.ShowSeats.seat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.catalog.ShowCancelled;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.payment.PaymentFailed;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.reservation.config.RedisProperties;
import io.ticketing.reservation.seating.SeatKeys;
import io.ticketing.reservation.seating.SeatScripts;
import io.ticketing.reservation.seating.SeatState;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.events.EventProducer;

/**
 * Holds on real Redis and PostgreSQL: all or nothing, never one seat in two holds however many customers
 * race, the failure codes a client acts on, idempotent retries, the seat limits, release by the owner only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HoldsIntegrationTest extends ReservationIntegrationTest {

    private final EventProducer events = EventProducer.shared();

    @Autowired
    RedissonClient redis;

    @Autowired
    RedisProperties redisAddress;

    @Autowired
    SeatScripts seatScripts;

    @Autowired
    TransactionOperations transactions;

    @Test
    void holdsAllRequestedSeatsOrNone() {
        ShowScheduled show = onSale(2, 5);
        var ana = customer();
        var ben = customer();

        var held = ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2")));
        var overlapping = ben.post(holds(show), Map.of("seatIds", List.of("A2", "A3")));

        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.text("status")).isEqualTo("HELD");
        assertThat(held.json().path("amount").decimalValue()).isEqualByComparingTo("32.00");
        assertThat(held.text("currency")).isEqualTo("EUR");
        assertThat(Instant.parse(held.text("expiresAt"))).isBetween(Instant.now().plus(4, ChronoUnit.MINUTES),
                Instant.now().plus(5, ChronoUnit.MINUTES));
        assertThat(held.json().has("fencingToken")).isFalse();
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.text("code")).isEqualTo("SEATS_HELD");
        assertThat(seat(redis, show, "A3")).isEqualTo("AVAILABLE");

        var seatMap = ana.get("/api/v1/shows/" + show.showId() + "/seats").json().path("rows").get(0).path("seats");
        assertThat(seatMap.get(0).path("status").asString()).isEqualTo("HELD");
        assertThat(seatMap.get(0).path("heldByYou").asBoolean()).isTrue();
        assertThat(ben.get("/api/v1/shows/" + show.showId() + "/seats").json().path("rows").get(0).path("seats")
                .get(0).has("heldByYou")).isFalse();
    }

    @Test
    void neverPutsASeatInTwoHoldsWhenHundredsRace() throws Exception {
        ShowScheduled show = onSale(5, 10);
        int customers = 200;
        var start = new CountDownLatch(1);
        List<Future<JsonApi.Response>> attempts = new ArrayList<>();
        var random = new Random(7);
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < customers; i++) {
                List<String> seats = new ArrayList<>();
                int wanted = 1 + random.nextInt(4);
                int row = random.nextInt(5);
                int first = 1 + random.nextInt(10 - wanted + 1);
                for (int n = first; n < first + wanted; n++) {
                    seats.add(String.valueOf((char) ('A' + row)) + n);
                }
                var api = customer();
                attempts.add(pool.submit(() -> {
                    start.await();
                    return api.post(holds(show), Map.of("seatIds", seats));
                }));
            }
            start.countDown();
            int held = 0;
            for (var attempt : attempts) {
                var response = attempt.get();
                assertThat(response.status()).as(response.body()).isIn(201, 409);
                if (response.status() == 409) {
                    assertThat(response.text("code")).isEqualTo("SEATS_HELD");
                }
                else {
                    held++;
                }
            }
            assertThat(held).isPositive();
        }
        List<String> heldSeats = jdbc.sql("SELECT unnest(seat_ids) FROM hold WHERE show_id = ? AND status = 'HELD'")
                .param(show.showId()).query(String.class).list();
        assertThat(new HashSet<>(heldSeats)).as("no seat in two holds").hasSameSizeAs(heldSeats);
        var live = redis.<String, String>getMap("show:{" + show.showId() + "}:seats", StringCodec.INSTANCE).readAllMap();
        assertThat(live.values().stream().filter(status -> status.startsWith("HELD:")).count())
                .isEqualTo(heldSeats.size());
        assertThat(redis.<String, String>getMap("show:{" + show.showId() + "}:counts", StringCodec.INSTANCE).get("held"))
                .isEqualTo(Integer.toString(heldSeats.size()));
    }

    @Test
    void recordsHoldsTakenAtOnceInGroups() throws Exception {
        ShowScheduled show = onSale(5, 10);
        List<List<String>> pairs = seatPairs(5, 10);

        var answers = holdAllWhileTheHoldTableIsLocked(show, pairs);

        assertThat(answers).allSatisfy(response -> assertThat(response.status()).as(response.body()).isEqualTo(201));
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE show_id = ?").param(show.showId()).query(Integer.class)
                .single()).isEqualTo(pairs.size());
        assertThat(jdbc.sql("SELECT count(DISTINCT xmin::text) FROM hold WHERE show_id = ?").param(show.showId())
                .query(Integer.class).single()).as("transactions that wrote the holds").isLessThanOrEqualTo(10);
    }

    @Test
    void aHoldWhoseRowFailsInAGroupFailsAloneAndFreesItsSeats() throws Exception {
        ShowScheduled show = onSale(5, 10);
        List<List<String>> pairs = seatPairs(5, 10);

        List<JsonApi.Response> answers;
        try (var fault = DatabaseFaults.refuseInserts(jdbc, "hold",
                "NEW.show_id = '" + show.showId() + "' AND 'E9' = ANY(NEW.seat_ids)")) {
            answers = holdAllWhileTheHoldTableIsLocked(show, pairs);
        }

        for (int i = 0; i < pairs.size(); i++) {
            var response = answers.get(i);
            assertThat(response.status()).as(pairs.get(i) + ": " + response.body())
                    .isEqualTo(pairs.get(i).contains("E9") ? 500 : 201);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE show_id = ?").param(show.showId()).query(Integer.class)
                .single()).isEqualTo(pairs.size() - 1);
        assertThat(seat(redis, show, "E9")).isEqualTo("AVAILABLE");
        assertThat(seat(redis, show, "E10")).isEqualTo("AVAILABLE");
        assertThat(redis.<String, String>getMap("show:{" + show.showId() + "}:counts", StringCodec.INSTANCE).get("held"))
                .isEqualTo(Integer.toString(2 * (pairs.size() - 1)));
    }

    /** Every pair of adjacent seats of the rows, A1 and A2 first. */
    private static List<List<String>> seatPairs(int rows, int seatsPerRow) {
        List<List<String>> pairs = new ArrayList<>();
        for (char row = 'A'; row < 'A' + rows; row++) {
            for (int seat = 1; seat < seatsPerRow; seat += 2) {
                pairs.add(List.of(row + Integer.toString(seat), row + Integer.toString(seat + 1)));
            }
        }
        return pairs;
    }

    /**
     * Each pair held by its own customer, all at once, while a transaction keeps the hold table locked for a second:
     * the ledger's writers wait with the first holds and the others queue up behind them. The answers, pair by pair.
     */
    private List<JsonApi.Response> holdAllWhileTheHoldTableIsLocked(ShowScheduled show, List<List<String>> pairs)
            throws Exception {
        var locked = new CountDownLatch(1);
        var go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> lock = pool.submit(() -> transactions.executeWithoutResult(tx -> {
                jdbc.sql("LOCK TABLE hold IN SHARE ROW EXCLUSIVE MODE").update();
                locked.countDown();
                await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            }));
            locked.await();
            List<Future<JsonApi.Response>> attempts = new ArrayList<>();
            for (List<String> pair : pairs) {
                var api = customer();
                attempts.add(pool.submit(() -> {
                    go.await();
                    return api.post(holds(show), Map.of("seatIds", pair));
                }));
            }
            go.countDown();
            lock.get();
            List<JsonApi.Response> answers = new ArrayList<>();
            for (var attempt : attempts) {
                answers.add(attempt.get());
            }
            return answers;
        }
    }

    @Test
    void answersEachFailureWithItsCode() {
        ShowScheduled show = onSale(1, 4);
        var ana = customer();

        assertThat(ana.post(holds(show), Map.of("seatIds", List.of("A9"))).text("code")).isEqualTo("INVALID_SEATS");
        assertThat(ana.post(holds(show), Map.of("seatIds", List.of("A1", "A1"))).text("code")).isEqualTo("INVALID_SEATS");
        assertThat(ana.post(holds(show), Map.of("seatIds", List.of())).text("code")).isEqualTo("INVALID_SEATS");
        var unknownShow = ana.post("/api/v1/shows/" + UUID.randomUUID() + "/holds", Map.of("seatIds", List.of("A1")));
        assertThat(unknownShow.status()).isEqualTo(404);
        assertThat(unknownShow.text("code")).isEqualTo("SHOW_NOT_FOUND");
        assertThat(api().post(holds(show), Map.of("seatIds", List.of("A1"))).text("code")).isEqualTo("SESSION_REQUIRED");
        assertThat(ana.postRaw(holds(show), "{\"seatIds\": [").status()).isEqualTo(400);
        assertThat(ana.post(holds(show), Map.of("seatIds", List.of("A1"), "extra", 1)).status()).isEqualTo(400);

        sell(show, "A1");
        var sold = ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2")));
        assertThat(sold.status()).isEqualTo(409);
        assertThat(sold.text("code")).isEqualTo("SEATS_UNAVAILABLE");
        sell(show, "A2", "A3", "A4");
        assertThat(ana.post(holds(show), Map.of("seatIds", List.of("A4"))).text("code")).isEqualTo("SHOW_FULL");
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE show_id = ?").param(show.showId()).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void refusesMoreThanTenSeatsPerHoldAndPerCustomer() {
        ShowScheduled show = onSale(3, 10);
        var ana = customer();

        var eleven = ana.post(holds(show), Map.of("seatIds", seats("B", 1, 11)));
        var huge = ana.post(holds(show), Map.of("seatIds", seats("B", 1, 101)));
        assertThat(eleven.status()).isEqualTo(422);
        assertThat(eleven.text("code")).isEqualTo("TOO_MANY_SEATS");
        assertThat(huge.status()).isEqualTo(400);

        assertThat(ana.post(holds(show), Map.of("seatIds", seats("B", 1, 8))).status()).isEqualTo(201);
        var threeMore = ana.post(holds(show), Map.of("seatIds", seats("C", 1, 3)));
        assertThat(threeMore.status()).isEqualTo(422);
        assertThat(threeMore.text("code")).isEqualTo("TOO_MANY_SEATS");
        assertThat(ana.post(holds(show), Map.of("seatIds", seats("C", 1, 2))).status()).isEqualTo(201);
        assertThat(seat(redis, show, "C3")).isEqualTo("AVAILABLE");
    }

    @Test
    void returnsTheSameHoldForARetriedRequest() {
        ShowScheduled show = onSale(1, 6);
        var ana = customer().withHeader("Idempotency-Key", "retry-" + UUID.randomUUID());

        var first = ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2")));
        var retry = ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2")));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("holdId")).isEqualTo(first.text("holdId"));
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE show_id = ?").param(show.showId()).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameKeyAfterAFailedHoldTakesTheSeats() {
        ShowScheduled show = onSale(1, 6);
        UUID anaId = UUID.randomUUID();
        var ana = api().withHeader("X-Customer-Id", anaId.toString())
                .withHeader("Idempotency-Key", "retry-" + UUID.randomUUID());

        JsonApi.Response failed;
        try (var fault = DatabaseFaults.refuseFirstInsert(jdbc, "hold", "NEW.show_id = '" + show.showId() + "'")) {
            failed = ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2")));
            assertThat(fault.struck()).isTrue();
        }
        var retry = ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2")));

        assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(500);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        String holdId = retry.text("holdId");
        assertThat(ana.get("/api/v1/holds/" + holdId).text("status")).isEqualTo("HELD");
        assertThat(seat(redis, show, "A1")).isEqualTo("HELD:" + holdId);
        assertThat(seat(redis, show, "A2")).isEqualTo("HELD:" + holdId);
        assertThat(redis.<String, String>getMap("show:{" + show.showId() + "}:counts", StringCodec.INSTANCE).get("held"))
                .isEqualTo("2");
        assertThat(redis.<String, String>getMap("show:{" + show.showId() + "}:customers", StringCodec.INSTANCE)
                .get(anaId.toString())).as("the failed hold is not counted").isEqualTo("2");
        assertThat(ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2"))).text("holdId"))
                .as("the key now names the hold that was taken").isEqualTo(holdId);
    }

    @Test
    void aHoldThatMeetsRedisPausedIsToldToTryAgainAndTheRetryTakesTheSeats() throws Exception {
        ShowScheduled show = onSale(1, 6);
        var ana = api().withHeader("X-Customer-Id", UUID.randomUUID().toString())
                .withHeader("Idempotency-Key", "paused-" + UUID.randomUUID());

        JsonApi.Response paused;
        // every node of a cluster: the show's slot may be on any
        List<String> nodes = redisAddress.clustered() ? redisAddress.cluster().nodes()
                : List.of(redisAddress.host() + ":" + redisAddress.port());
        List<java.net.Socket> sockets = new ArrayList<>();
        try {
            for (String node : nodes) {
                var socket = new java.net.Socket(node.substring(0, node.lastIndexOf(':')),
                        Integer.parseInt(node.substring(node.lastIndexOf(':') + 1)));
                sockets.add(socket);
                command(socket, "CLIENT", "PAUSE", "60000", "WRITE");
            }
            paused = ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2")));
        }
        finally {
            for (var socket : sockets) {
                try (socket) {
                    command(socket, "CLIENT", "UNPAUSE");
                }
            }
        }
        var retry = ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2")));

        assertThat(paused.status()).as(paused.body()).isEqualTo(503);
        assertThat(paused.text("code")).isEqualTo("REDIS_UNAVAILABLE");
        assertThat(paused.headers().firstValue("Retry-After")).contains("1");
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(seat(redis, show, "A1")).isEqualTo("HELD:" + retry.text("holdId"));
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE show_id = ?").param(show.showId()).query(Integer.class)
                .single()).isEqualTo(1);
        // Redis ran the attempts it had postponed when it resumed: too late, they took nothing
        assertThat(redis.<String, String>getMap("show:{" + show.showId() + "}:holds", StringCodec.INSTANCE).keySet())
                .containsExactly(retry.text("holdId"));
    }

    @Test
    void aHoldScriptRunLateTakesNothingAndRunAgainAnswersWhatItTook() {
        ShowScheduled show = onSale(1, 6);
        UUID customer = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        Instant redisNow = seatScripts.time();

        var refused = seatScripts.hold(show.showId(), late, customer, List.of("A1"), Duration.ofMinutes(5),
                Duration.ofSeconds(5), 10, Optional.of("late-key"), SeatState.AVAILABLE, Optional.empty(),
                redisNow.minusSeconds(1));
        assertThat(refused).isInstanceOf(SeatScripts.HoldOutcome.Late.class);
        assertThat(seat(redis, show, "A1")).isEqualTo("AVAILABLE");
        assertThat(seatScripts.earlierHold(show.showId(), customer, "late-key")).isEmpty();

        UUID holdId = UUID.randomUUID();
        var first = seatScripts.hold(show.showId(), holdId, customer, List.of("A2"), Duration.ofMinutes(5),
                Duration.ofSeconds(5), 10, Optional.empty(), SeatState.AVAILABLE, Optional.empty(),
                redisNow.plusSeconds(5));
        var again = seatScripts.hold(show.showId(), holdId, customer, List.of("A2"), Duration.ofMinutes(5),
                Duration.ofSeconds(5), 10, Optional.empty(), SeatState.AVAILABLE, Optional.empty(),
                redisNow.minusSeconds(1));
        assertThat(first).isInstanceOf(SeatScripts.HoldOutcome.Held.class);
        assertThat(again).isEqualTo(first);
        assertThat(redis.<String, String>getMap("show:{" + show.showId() + "}:customers", StringCodec.INSTANCE)
                .get(customer.toString())).isEqualTo("1");
    }

    /** One command over a connection of its own, so that pausing every other client leaves this one to unpause. */
    private static void command(java.net.Socket socket, String... words) throws java.io.IOException {
        StringBuilder resp = new StringBuilder("*" + words.length + "\r\n");
        for (String word : words) {
            resp.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
        }
        socket.getOutputStream().write(resp.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String reply = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        assertThat(reply).as(String.join(" ", words)).isEqualTo("+OK");
    }

    @Test
    void aKeyNamingAHoldThatNeitherRedisNorPostgreSqlHasIsTakenOverByTheRetry() {
        ShowScheduled show = onSale(1, 6);
        UUID anaId = UUID.randomUUID();
        String key = "lost-" + UUID.randomUUID();
        var ana = api().withHeader("X-Customer-Id", anaId.toString()).withHeader("Idempotency-Key", key);
        // an attempt whose hold was freed without letting go of its key (say Redis failed while freeing it)
        String lostHold = UUID.randomUUID().toString();
        redis.<String>getBucket(SeatKeys.of(show.showId()).idempotency(anaId, key), StringCodec.INSTANCE)
                .set(lostHold, Duration.ofMinutes(5));

        var retry = ana.post(holds(show), Map.of("seatIds", List.of("A1")));

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.text("holdId")).isNotEqualTo(lostHold);
        assertThat(seat(redis, show, "A1")).isEqualTo("HELD:" + retry.text("holdId"));
        assertThat(ana.post(holds(show), Map.of("seatIds", List.of("A1"))).text("holdId"))
                .isEqualTo(retry.text("holdId"));
    }

    @Test
    void aRetryWhileTheFirstHoldIsStillBeingRecordedIsToldToRetryAndThenGetsIt() throws Exception {
        ShowScheduled show = onSale(1, 6);
        var ana = customer().withHeader("Idempotency-Key", "slow-" + UUID.randomUUID());

        try (var fault = DatabaseFaults.delayFirstInsert(jdbc, "hold", "NEW.show_id = '" + show.showId() + "'", 6);
                ExecutorService client = Executors.newSingleThreadExecutor()) {
            Future<JsonApi.Response> first = client.submit(() -> ana.post(holds(show), Map.of("seatIds", List.of("A1"))));
            await().atMost(Duration.ofSeconds(10)).until(fault::struck);

            var retry = ana.post(holds(show), Map.of("seatIds", List.of("A1")));

            assertThat(retry.status()).as(retry.body()).isEqualTo(503);
            assertThat(retry.isProblem()).isTrue();
            assertThat(retry.text("code")).isEqualTo("HOLD_IN_PROGRESS");
            assertThat(retry.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            var recorded = first.get();
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            var later = ana.post(holds(show), Map.of("seatIds", List.of("A1")));
            assertThat(later.status()).isEqualTo(201);
            assertThat(later.text("holdId")).isEqualTo(recorded.text("holdId"));
        }
    }

    @Test
    void letsOnlyTheOwnerReadAndReleaseAHold() {
        ShowScheduled show = onSale(1, 4);
        var ana = customer();
        var ben = customer();
        String holdId = ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2"))).text("holdId");

        assertThat(ben.get("/api/v1/holds/" + holdId).text("code")).isEqualTo("HOLD_NOT_FOUND");
        assertThat(ben.delete("/api/v1/holds/" + holdId).status()).isEqualTo(404);
        assertThat(seat(redis, show, "A1")).startsWith("HELD:");

        assertThat(ana.delete("/api/v1/holds/" + holdId).status()).isEqualTo(204);
        assertThat(ana.delete("/api/v1/holds/" + holdId).status()).isEqualTo(204);
        assertThat(ana.get("/api/v1/holds/" + holdId).text("status")).isEqualTo("RELEASED");
        assertThat(seat(redis, show, "A1")).isEqualTo("AVAILABLE");
        assertThat(ben.post(holds(show), Map.of("seatIds", List.of("A1", "A2"))).status()).isEqualTo(201);
    }

    @Test
    void sellsNothingOfACancelledShow() {
        ShowScheduled show = onSale(1, 4);
        events.send(new ShowCancelled(UUID.randomUUID(), Instant.now(), show.showId()));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT cancelled FROM seating_plan WHERE show_id = ?").param(show.showId()).query(Boolean.class).single());
        var response = customer().post(holds(show), Map.of("seatIds", List.of("A1")));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("code")).isEqualTo("SALES_CLOSED");
    }

    @Test
    void aPaymentUnderWayKeepsTheSeatsAFailedOneFreesNothingARefundedOneEndsTheHold() {
        ShowScheduled show = onSale(1, 6);
        UUID anaId = UUID.randomUUID();
        var ana = api().withHeader("X-Customer-Id", anaId.toString());
        String holdId = ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2"))).text("holdId");
        var ben = customer();
        String bensHold = ben.post(holds(show), Map.of("seatIds", List.of("A3"))).text("holdId");
        ben.delete("/api/v1/holds/" + bensHold);

        var forPayment = api().get("/internal/v1/holds/" + holdId);
        var pending = api().post("/internal/v1/holds/" + holdId + "/payment-pending", "");
        var again = api().post("/internal/v1/holds/" + holdId + "/payment-pending", "");

        assertThat(forPayment.text("customerId")).isEqualTo(anaId.toString());
        assertThat(forPayment.json().path("amount").decimalValue()).isEqualByComparingTo("32.00");
        assertThat(forPayment.json().path("fencingToken").asLong()).isPositive();
        assertThat(pending.status()).as(pending.body()).isEqualTo(200);
        assertThat(pending.text("status")).isEqualTo("PAYMENT_PENDING");
        assertThat(again.text("status")).isEqualTo("PAYMENT_PENDING");
        assertThat(ana.get("/api/v1/holds/" + holdId).text("status")).isEqualTo("PAYMENT_PENDING");
        assertThat(seat(redis, show, "A1")).isEqualTo("HELD:" + holdId);
        assertThat(api().post("/internal/v1/holds/" + bensHold + "/payment-pending", "").text("code"))
                .isEqualTo("HOLD_NOT_ACTIVE");
        assertThat(api().get("/internal/v1/holds/" + UUID.randomUUID()).status()).isEqualTo(404);

        events.send(new PaymentFailed(UUID.randomUUID(), Instant.now(), "pay-1", UUID.fromString(holdId), show.showId(),
                anaId, "card_declined", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> ana.get("/api/v1/holds/" + holdId).text("status").equals("HELD"));
        assertThat(seat(redis, show, "A1")).as("a failed payment frees nothing").isEqualTo("HELD:" + holdId);

        events.send(new PaymentRefunded(UUID.randomUUID(), Instant.now(), "pay-2", UUID.fromString(holdId), null,
                show.showId(), anaId, new BigDecimal("32.00"), "EUR", "TOO_MANY_SEATS", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> ana.get("/api/v1/holds/" + holdId).text("status")
                .equals("REFUNDED"));
        assertThat(seat(redis, show, "A1")).isEqualTo("AVAILABLE");
    }

    private ShowScheduled onSale(int rows, int seatsPerRow) {
        return ShowsOnSale.onSale(jdbc, rows, seatsPerRow);
    }

    /** Sells seats as booking-service does: a BookingConfirmed event, mirrored into the seat map. */
    private void sell(ShowScheduled show, String... seatIds) {
        events.send(new BookingConfirmed(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), "pi_test",
                show.showId(), UUID.randomUUID(), List.of(seatIds), new BigDecimal("11.50"), "EUR", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SOLD".equals(seat(redis, show, seatIds[seatIds.length - 1])));
    }

    private static List<String> seats(String row, int from, int count) {
        List<String> seats = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            seats.add(row + n);
        }
        return seats;
    }

    private static String holds(ShowScheduled show) {
        return "/api/v1/shows/" + show.showId() + "/holds";
    }

    private JsonApi api() {
        return JsonApi.asGateway("http://127.0.0.1:" + port);
    }

    private JsonApi customer() {
        return api().withHeader("X-Customer-Id", UUID.randomUUID().toString());
    }
}
