package io.ticketing.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ticketing.events.Topics;
import io.ticketing.events.waiting.WaitlistOffered;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.SseClient;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventRecorder;
import io.ticketing.waiting.line.Serving;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Joining a show's waiting line on real PostgreSQL: the join rules against the show's free and held seats
 * (reservation-service's internal endpoints, played here by a small HTTP server with nothing kept for the line;
 * serving is tested with the real one in the system tests),
 * positions in arrival order, one place per customer, long polling, leaving, expiry after the maximum wait,
 * two instances serving one line at once, and a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaitlistIntegrationTest {

    /** reservation-service's {available, held, kept} per show; a show without an entry is answered 404. */
    private static final Map<UUID, int[]> COUNTS = new ConcurrentHashMap<>();
    /** The seats each entry was offered (a hold taken once per entry), and how many seats each show offered. */
    private static final Map<UUID, String> OFFERS = new ConcurrentHashMap<>();
    private static final Map<UUID, Integer> OFFERED_SEATS = new ConcurrentHashMap<>();
    /** The offers' holds: by id (for taking one back), every one made for each entry, and those taken back. */
    private static final Map<UUID, UUID> HOLDS = new ConcurrentHashMap<>();
    private static final Map<UUID, List<UUID>> MADE = new ConcurrentHashMap<>();
    private static final Set<UUID> WITHDRAWN = ConcurrentHashMap.newKeySet();
    /** Who is in each show's line, as the line syncs (POST .../line) left it. */
    private static final Map<UUID, Set<UUID>> LINES = new ConcurrentHashMap<>();
    /** Shows for which reservation-service cannot be reached (every call answered 503), or only its line. */
    private static final Set<UUID> UNREACHABLE = ConcurrentHashMap.newKeySet();
    private static final Set<UUID> LINE_UNREACHABLE = ConcurrentHashMap.newKeySet();
    private static final Map<UUID, Integer> REFUSED = new ConcurrentHashMap<>();
    /** Shows whose line enters arrive {@link #LATE_ENTER} after they were sent (a slow network, a busy service). */
    private static final Set<UUID> LATE_ENTERS = ConcurrentHashMap.newKeySet();
    private static final Duration LATE_ENTER = Duration.ofMillis(50);
    /** Shows whose offers fail (500) once this many more were made. */
    private static final Map<UUID, AtomicInteger> OFFERS_BEFORE_FAILURE = new ConcurrentHashMap<>();
    /** Entries whose offer is refused (their holds and bookings fill their limit), as reservation-service would. */
    private static final Set<UUID> REFUSE = ConcurrentHashMap.newKeySet();
    /** What happens while the offer for an entry is being made, before it is answered. */
    private static final Map<UUID, Runnable> WHILE_OFFERING = new ConcurrentHashMap<>();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    /** The calls each show's serving made to reservation-service, by path ("offers", "line", "seat-counts"...). */
    private static final Map<UUID, Map<String, Integer>> CALLS = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpServer RESERVATION = reservation();
    private static final EventRecorder WAITLIST_EVENTS = EventRecorder.of(Topics.WAITING_WAITLIST_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "waiting", Component.POSTGRES, Component.KAFKA);
        registry.add("ticketing.waiting.reservation-url",
                () -> "http://127.0.0.1:" + RESERVATION.getAddress().getPort());
    }

    @AfterAll
    static void stopReservation() {
        RESERVATION.stop(0);
        WAITLIST_EVENTS.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Serving serving;

    @Autowired
    MeterRegistry meters;

    @Test
    void customersMayWaitOnlyWhenHeldSeatsCouldBeEnough() {
        UUID show = show(2, 3);
        var ana = customer();

        var joined = ana.post(waitlist(show), Map.of("seatCount", 4));
        var seatsFree = customer().post(waitlist(show), Map.of("seatCount", 2));
        var tooMany = customer().post(waitlist(show), Map.of("seatCount", 6));
        var again = ana.post(waitlist(show), Map.of("seatCount", 3));

        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        assertThat(joined.text("status")).isEqualTo("WAITING");
        assertThat(joined.json().path("position").asInt()).isEqualTo(1);
        assertThat(Instant.parse(joined.text("expiresAt"))).isBetween(Instant.now().plusSeconds(3590),
                Instant.now().plusSeconds(3600));
        assertThat(joined.json().has("customerId")).isFalse();
        assertThat(seatsFree.status()).isEqualTo(409);
        assertThat(seatsFree.text("code")).isEqualTo("SEATS_AVAILABLE");
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.text("code")).isEqualTo("SHOW_FULL");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("ALREADY_WAITING");
        for (int seatCount : new int[] { 0, 11 }) {
            var invalid = customer().post(waitlist(show), Map.of("seatCount", seatCount));
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.text("code")).isEqualTo("INVALID_SEAT_COUNT");
        }
        assertThat(customer().post("/api/v1/shows/" + UUID.randomUUID() + "/waitlist", Map.of("seatCount", 1))
                .text("code")).isEqualTo("SHOW_NOT_FOUND");
        assertThat(count(show)).isEqualTo(1);
        assertThat(customer().post(waitlist(show(1, 0, 2)), Map.of("seatCount", 3)).status())
                .as("seats kept for the line count as held").isEqualTo(201);
    }

    @Test
    void positionsFollowArrivalAndMoveUpWhenSomeoneLeaves() throws Exception {
        UUID show = show(0, 10);
        List<JsonApi> customers = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(customer());
            var joined = customers.get(i).post(waitlist(show), Map.of("seatCount", 1 + i));
            assertThat(joined.json().path("position").asInt()).isEqualTo(i + 1);
            entries.add(joined.text("entryId"));
        }
        var third = customers.get(2);
        var poll = CompletableFuture.supplyAsync(() -> third.get("/api/v1/waitlist/" + entries.get(2) + "?waitSeconds=10"));
        awaitLongPoll(meters);

        Instant left = Instant.now();
        assertThat(customers.get(0).delete("/api/v1/waitlist/" + entries.get(0)).status()).isEqualTo(204);

        var moved = poll.get();
        assertThat(moved.json().path("position").asInt()).isEqualTo(2);
        assertThat(Duration.between(left, Instant.now())).as("woken by the change, not at the end of its 10 s wait")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(customers.get(0).get("/api/v1/waitlist/" + entries.get(0)).text("status")).isEqualTo("CANCELLED");
        assertThat(customers.get(0).delete("/api/v1/waitlist/" + entries.get(0)).status()).isEqualTo(204);
        assertThat(customers.get(3).get("/api/v1/waitlist/" + entries.get(3)).json().path("position").asInt())
                .isEqualTo(3);
        assertThat(customer().get("/api/v1/waitlist/" + entries.get(1)).status()).as("someone else's entry")
                .isEqualTo(404);
        assertThat(customer().delete("/api/v1/waitlist/" + entries.get(1)).status()).isEqualTo(404);
        assertThat(third.get("/api/v1/waitlist/" + entries.get(2) + "?waitSeconds=31").status()).isEqualTo(400);
    }

    @Test
    void aStreamTellsOfEveryChangeUntilTheEntryNoLongerWaits() {
        UUID show = show(0, 4);
        var ana = customer();
        UUID benId = UUID.randomUUID();
        var ben = customer(benId);
        var anas = ana.post(waitlist(show), Map.of("seatCount", 1));
        var bens = ben.post(waitlist(show), Map.of("seatCount", 2));

        try (var stream = SseClient.connect(url("/api/v1/waitlist/" + bens.text("entryId") + "/stream"),
                Map.of("X-Customer-Id", benId.toString()))) {
            assertThat(stream.status()).isEqualTo(200);
            var first = stream.next(Duration.ofSeconds(5));
            assertThat(first.name()).isEqualTo("entry");
            assertThat(first.json().path("position").asInt()).isEqualTo(2);

            ana.delete("/api/v1/waitlist/" + anas.text("entryId"));
            assertThat(stream.next(Duration.ofSeconds(2)).json().path("position").asInt()).isEqualTo(1);

            ben.delete("/api/v1/waitlist/" + bens.text("entryId"));
            assertThat(stream.next(Duration.ofSeconds(2)).json().path("status").asString()).isEqualTo("CANCELLED");
            assertThat(stream.poll(Duration.ofSeconds(2))).isNull();
            assertThat(stream.ended()).isTrue();
        }
        try (var notYours = SseClient.connect(url("/api/v1/waitlist/" + bens.text("entryId") + "/stream"),
                Map.of("X-Customer-Id", UUID.randomUUID().toString()))) {
            assertThat(notYours.status()).isEqualTo(404);
        }
    }

    @Test
    void anEntryExpiresAfterTheLongestWait() throws Exception {
        UUID show = show(0, 2);
        UUID anaId = UUID.randomUUID();
        try (var shortWaits = instance("PT3S")) {
            var ana = customer(anaId, port(shortWaits));
            var joined = ana.post(waitlist(show), Map.of("seatCount", 1));
            Instant expiresAt = Instant.parse(joined.text("expiresAt"));

            var expired = ana.get("/api/v1/waitlist/" + joined.text("entryId") + "?waitSeconds=10");

            assertThat(expired.text("status")).isEqualTo("EXPIRED");
            assertThat(expired.json().path("position").asInt()).isZero();
            assertThat(Instant.now()).isBetween(expiresAt, expiresAt.plus(2, ChronoUnit.SECONDS));
            assertThat(ana.post(waitlist(show), Map.of("seatCount", 1)).status()).as("may join again").isEqualTo(201);
        }
    }

    @Test
    void twoInstancesServeEachReleaseOnceInArrivalOrderAndWakeEachOthersWatchers() throws Exception {
        UUID show = show(0, 12);
        int[] sizes = { 2, 1, 2, 1, 1, 2, 1, 1 };
        try (var second = instance("PT1H")) {
            List<JsonApi> customers = new ArrayList<>();
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                // every other customer joins through the second instance
                customers.add(customer(UUID.randomUUID(), i % 2 == 0 ? port : port(second)));
                entries.add(customers.get(i).post(waitlist(show), Map.of("seatCount", sizes[i])).text("entryId"));
            }
            var fifth = customers.get(4); // joined and watches through the first instance
            var poll = CompletableFuture.supplyAsync(() -> fifth.get("/api/v1/waitlist/" + entries.get(4) + "?waitSeconds=20"));
            awaitLongPoll(meters);

            // 6 held seats come free and are kept for the line; both instances hear of it and serve at once, twice
            synchronized (COUNTS.get(show)) {
                COUNTS.get(show)[1] -= 6;
                COUNTS.get(show)[2] += 6;
            }
            Instant released = Instant.now();
            Serving other = second.getBean(Serving.class);
            List<CompletableFuture<Void>> serves = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Serving instance = i % 2 == 0 ? serving : other;
                serves.add(CompletableFuture.runAsync(() -> instance.serve(show)));
            }
            serves.forEach(CompletableFuture::join);

            // 2 + 1 + 2 + 1 = 6 seats: the first four, in arrival order, each offered once
            List<String> statuses = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                statuses.add(customers.get(i).get("/api/v1/waitlist/" + entries.get(i)).text("status"));
            }
            assertThat(statuses).containsExactly("OFFERED", "OFFERED", "OFFERED", "OFFERED", "WAITING", "WAITING",
                    "WAITING", "WAITING");
            assertThat(OFFERED_SEATS.get(show)).as("seats taken for offers").isEqualTo(6);
            for (int i = 0; i < 4; i++) {
                var offer = customers.get(i).get("/api/v1/waitlist/" + entries.get(i)).json().path("offer");
                assertThat(offer.path("seatIds").toString()).isEqualTo("[" + OFFERS.get(UUID.fromString(entries.get(i))) + "]");
            }
            // a poll that starts after the offer is answered at once, not when its wait is over
            Instant asked = Instant.now();
            var offered = customers.get(0).get("/api/v1/waitlist/" + entries.get(0) + "?waitSeconds=20");
            assertThat(offered.text("status")).isEqualTo("OFFERED");
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
            var moved = poll.get(20, TimeUnit.SECONDS);
            assertThat(moved.json().path("position").asInt()).isEqualTo(1);
            assertThat(Duration.between(released, Instant.now()))
                    .as("woken by the other instance's change, not at the end of its 20 s wait")
                    .isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void aRestartedInstanceKnowsEveryEntryAndItsPlace() throws Exception {
        UUID show = show(0, 6);
        List<UUID> customers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<String> entries = new ArrayList<>();
        try (var before = instance("PT1H")) {
            for (UUID customer : customers) {
                entries.add(customer(customer, port(before))
                        .withHeader("X-Customer-Email", "waiter" + entries.size() + "@example.com")
                        .post(waitlist(show), Map.of("seatCount", 2)).text("entryId"));
            }
        }
        try (var after = instance("PT1H")) {
            for (int i = 0; i < 3; i++) {
                var entry = customer(customers.get(i), port(after)).get("/api/v1/waitlist/" + entries.get(i));
                assertThat(entry.text("status")).isEqualTo("WAITING");
                assertThat(entry.json().path("position").asInt()).isEqualTo(i + 1);
            }
            var last = customer(customers.get(2), port(after));
            var poll = CompletableFuture.supplyAsync(() -> last.get("/api/v1/waitlist/" + entries.get(2) + "?waitSeconds=20"));
            awaitLongPoll(after.getBean(MeterRegistry.class));
            customer(customers.get(0), port(after)).delete("/api/v1/waitlist/" + entries.get(0));
            assertThat(poll.get(20, TimeUnit.SECONDS).json().path("position").asInt()).isEqualTo(2);

            synchronized (COUNTS.get(show)) {
                COUNTS.get(show)[1] -= 2;
                COUNTS.get(show)[2] += 2;
            }
            after.getBean(Serving.class).serve(show);
            assertThat(customer(customers.get(1), port(after)).get("/api/v1/waitlist/" + entries.get(1)).text("status"))
                    .isEqualTo("OFFERED");
            // the waiter is told, at the address their session had when they joined
            await().atMost(Duration.ofSeconds(30)).until(() -> WAITLIST_EVENTS.events(WaitlistOffered.class,
                    offered -> offered.entryId().toString().equals(entries.get(1))
                            && offered.customerEmail().equals("waiter1@example.com")
                            && offered.seatIds().size() == 2).size() == 1);
        }
    }

    @Test
    void keptSeatsGoBackOnSaleWhenWaitersLeftOrExpiredWhileReservationWasUnreachable() throws Exception {
        // one seat kept for each line, fewer than its waiter wants: kept while they wait, for nobody once they left
        UUID leftShow = show(0, 2, 1);
        UUID expiredShow = show(0, 2, 1);
        var ana = customer();
        String anas = ana.post(waitlist(leftShow), Map.of("seatCount", 3)).text("entryId");
        try (var shortWaits = instance("PT3S")) {
            String bens = customer(UUID.randomUUID(), port(shortWaits)).post(waitlist(expiredShow),
                    Map.of("seatCount", 3)).text("entryId");
            assertThat(LINES.get(leftShow)).containsExactly(UUID.fromString(anas));
            assertThat(LINES.get(expiredShow)).containsExactly(UUID.fromString(bens));

            UNREACHABLE.addAll(List.of(leftShow, expiredShow));
            assertThat(ana.delete("/api/v1/waitlist/" + anas).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10)).until(() -> status(bens).equals("EXPIRED"));
            int refused = REFUSED.getOrDefault(expiredShow, 0);
            // the expiry's serve, or the line sync after it, fails too
            await().atMost(Duration.ofSeconds(10)).until(() -> REFUSED.getOrDefault(expiredShow, 0) > refused);
            assertThat(kept(leftShow)).isEqualTo(1);
            assertThat(kept(expiredShow)).isEqualTo(1);

            UNREACHABLE.removeAll(List.of(leftShow, expiredShow));

            await().atMost(Duration.ofSeconds(8)).until(() -> kept(leftShow) == 0 && kept(expiredShow) == 0);
            assertThat(LINES.get(leftShow)).isEmpty();
            assertThat(LINES.get(expiredShow)).isEmpty();
        }
    }

    @Test
    void seatsFreedForManyWaitersAreOfferedInOneRoundAndTheirLeavesSentTogether() {
        UUID show = show(0, 40);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(customer().post(waitlist(show), Map.of("seatCount", 1)).text("entryId"));
        }
        keep(show, 25);
        CALLS.remove(show);

        serving.serve(show);

        assertThat(entries.stream().map(this::status).toList().subList(0, 25)).containsOnly("OFFERED");
        assertThat(entries.stream().map(this::status).toList().subList(25, 30)).containsOnly("WAITING");
        assertThat(LINES.get(show)).as("the offered waiters left reservation-service's line")
                .containsExactlyInAnyOrderElementsOf(entries.subList(25, 30).stream().map(UUID::fromString).toList());
        // one call offered 25 waiters their seats, one more told of their 25 leaves: not one call each
        assertThat(CALLS.get(show)).containsEntry("offers", 1).containsEntry("line", 1);
    }

    @Test
    void aJoinWhileTheLineIsBeingServedIsAnsweredWithoutWaitingAndServedRightAfter() throws Exception {
        UUID show = show(0, 3, 2);
        String entryId;
        // another serve of the show holds its lock (another instance, or calls to a slow reservation-service)
        try (Connection other = dataSource.getConnection()) {
            long key = show.getMostSignificantBits() ^ show.getLeastSignificantBits(); // as ShowLocks keys a show
            advisory(other, "SELECT pg_advisory_lock(?)", key);
            try {
                var joined = CompletableFuture.supplyAsync(() -> customer().post(waitlist(show),
                        Map.of("seatCount", 2)));
                var answer = joined.get(10, TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                assertThat(answer.text("status")).as("the 2 kept seats are not offered yet").isEqualTo("WAITING");
                entryId = answer.text("entryId");
            }
            finally {
                advisory(other, "SELECT pg_advisory_unlock(?)", key);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> status(entryId).equals("OFFERED"));
    }

    private static void advisory(Connection connection, String sql, long key) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            statement.execute();
        }
    }

    @Test
    void entriesThatCanNoLongerBeMetEndAsUnservableAndLeaveTheLine() {
        UUID show = show(0, 4);
        String two = customer().post(waitlist(show), Map.of("seatCount", 2)).text("entryId");
        String four = customer().post(waitlist(show), Map.of("seatCount", 4)).text("entryId");
        String three = customer().post(waitlist(show), Map.of("seatCount", 3)).text("entryId");
        synchronized (COUNTS.get(show)) {
            COUNTS.get(show)[1] -= 2; // two of the held seats are sold: only two may still come free
        }

        serving.serve(show);

        assertThat(List.of(status(two), status(four), status(three))).containsExactly("WAITING", "UNSERVABLE",
                "UNSERVABLE");
        assertThat(LINES.get(show)).containsExactly(UUID.fromString(two));
    }

    @Test
    void anOfferIsRecordedAndAnnouncedEvenWhenALaterCallOfItsServeFails() {
        UUID show = show(0, 2);
        String first = customer().post(waitlist(show), Map.of("seatCount", 1)).text("entryId");
        String second = customer().post(waitlist(show), Map.of("seatCount", 1)).text("entryId");
        keep(show, 2);
        OFFERS_BEFORE_FAILURE.put(show, new AtomicInteger(1)); // the second offer fails

        assertThatThrownBy(() -> serving.serve(show)).isInstanceOf(RuntimeException.class);

        assertThat(status(first)).as("the hold made for the first waiter is their offer").isEqualTo("OFFERED");
        assertThat(made(first)).containsExactly(offeredHold(first));
        await().atMost(Duration.ofSeconds(30)).until(() -> WAITLIST_EVENTS.events(WaitlistOffered.class,
                offered -> offered.entryId().toString().equals(first) && offered.holdId().equals(offeredHold(first)))
                .size() == 1);
        assertThat(status(second)).isEqualTo("WAITING");

        OFFERS_BEFORE_FAILURE.remove(show);
        serving.serve(show);
        assertThat(status(second)).isEqualTo("OFFERED");
        assertThat(status(first)).isEqualTo("OFFERED");
    }

    @Test
    void anOfferThatCannotBeRecordedIsWithdrawnAndMadeAgainLater() {
        UUID show = show(0, 1);
        String entry = customer().post(waitlist(show), Map.of("seatCount", 1)).text("entryId");
        keep(show, 1);
        String failure = "fail_offer_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("CREATE FUNCTION " + failure + "() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'the database failed'; "
                + "END $$ LANGUAGE plpgsql").update();
        jdbc.sql("CREATE TRIGGER " + failure + " BEFORE UPDATE ON waitlist_entry FOR EACH ROW WHEN (NEW.id = '" + entry
                + "' AND NEW.status = 'OFFERED') EXECUTE FUNCTION " + failure + "()").update();
        try {
            assertThatThrownBy(() -> serving.serve(show)).isInstanceOf(RuntimeException.class);
        }
        finally {
            jdbc.sql("DROP TRIGGER " + failure + " ON waitlist_entry").update();
            jdbc.sql("DROP FUNCTION " + failure + "()").update();
        }

        assertThat(made(entry)).hasSize(1);
        UUID hold = made(entry).getFirst();
        assertThat(WITHDRAWN).as("the hold nobody recorded was taken back").contains(hold);
        assertThat(status(entry)).isEqualTo("WAITING");
        assertThat(kept(show)).isEqualTo(1);

        serving.serve(show);
        assertThat(status(entry)).isEqualTo("OFFERED");
        UUID offered = offeredHold(entry);
        assertThat(made(entry)).containsExactly(hold, offered);
        await().atMost(Duration.ofSeconds(30)).until(() -> !WAITLIST_EVENTS.events(WaitlistOffered.class,
                event -> event.entryId().toString().equals(entry)).isEmpty());
        assertThat(WAITLIST_EVENTS.events(WaitlistOffered.class, event -> event.entryId().toString().equals(entry)))
                .extracting(WaitlistOffered::holdId).containsExactly(offered);
    }

    @Test
    void anOfferToAWaiterWhoLeftWhileItWasMadeIsWithdrawn() {
        UUID show = show(0, 1);
        var ana = customer();
        String entry = ana.post(waitlist(show), Map.of("seatCount", 1)).text("entryId");
        keep(show, 1);
        WHILE_OFFERING.put(UUID.fromString(entry), () -> {
            CompletableFuture.runAsync(() -> ana.delete("/api/v1/waitlist/" + entry));
            await().atMost(Duration.ofSeconds(10)).until(() -> status(entry).equals("CANCELLED"));
        });

        serving.serve(show);

        assertThat(made(entry)).hasSize(1);
        assertThat(WITHDRAWN).as("the hold made for a waiter who had left").contains(made(entry).getFirst());
        assertThat(status(entry)).isEqualTo("CANCELLED");
        assertThat(COUNTS.get(show)).as("nobody waits any more: the seat is back on sale").containsExactly(1, 0, 0);
    }

    @Test
    void theLineSyncRacingALeaveNeverLeavesTheEntryInReservationsLine() {
        List<String> ghosts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID show = show(0, 2);
            var waiter = customer();
            LINE_UNREACHABLE.add(show);
            String entry = waiter.post(waitlist(show), Map.of("seatCount", 1)).text("entryId");
            LINE_UNREACHABLE.remove(show); // the entry still has to enter reservation-service's line
            LATE_ENTERS.add(show);

            var sync = CompletableFuture.runAsync(() -> ReflectionTestUtils.invokeMethod(serving, "syncLines"));
            var leave = CompletableFuture.runAsync(() -> waiter.delete("/api/v1/waitlist/" + entry));
            sync.join();
            leave.join();

            await().atMost(Duration.ofSeconds(10)).until(() -> lineState(entry).equals("LEFT") && IN_FLIGHT.get() == 0);
            if (LINES.getOrDefault(show, Set.of()).contains(UUID.fromString(entry))) {
                ghosts.add(entry);
            }
        }
        assertThat(ghosts).as("entries still in reservation-service's line after they left").isEmpty();
    }

    @Test
    void countsOffersByOutcomeAndTimesThoseMadeFromWhenTheSeatsCameFree() {
        UUID show = show(0, 3);
        String offered = customer().post(waitlist(show), Map.of("seatCount", 1)).text("entryId");
        var ana = customer();
        String left = ana.post(waitlist(show), Map.of("seatCount", 1)).text("entryId");
        String refused = customer().post(waitlist(show), Map.of("seatCount", 1)).text("entryId");
        REFUSE.add(UUID.fromString(refused));
        WHILE_OFFERING.put(UUID.fromString(left), () -> {
            CompletableFuture.runAsync(() -> ana.delete("/api/v1/waitlist/" + left));
            await().atMost(Duration.ofSeconds(10)).until(() -> status(left).equals("CANCELLED"));
        });
        keep(show, 3);
        double offers = offers("offered");
        double withdrawals = offers("withdrawn");
        double refusals = offers("refused");
        long timed = latency().count();
        double timedMillis = latency().totalTime(TimeUnit.MILLISECONDS);

        serving.serve(show, Instant.now().minusMillis(300));

        assertThat(List.of(status(offered), status(left), status(refused))).containsExactly("OFFERED", "CANCELLED",
                "UNSERVABLE");
        assertThat(offers("offered") - offers).as("offered").isEqualTo(1);
        assertThat(offers("withdrawn") - withdrawals).as("withdrawn: its waiter left").isEqualTo(1);
        assertThat(offers("refused") - refusals).as("refused").isEqualTo(1);
        assertThat(latency().count() - timed).as("the offer made, timed").isEqualTo(1);
        assertThat(latency().totalTime(TimeUnit.MILLISECONDS) - timedMillis).as("since the seats came free")
                .isGreaterThanOrEqualTo(300);
        assertThat(Arrays.stream(latency().takeSnapshot().histogramCounts())
                .map(bucket -> bucket.bucket(TimeUnit.MILLISECONDS))).as("the histogram has the SLO buckets")
                .contains(50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0, 10000.0, 30000.0);
    }

    @Test
    void gaugesTheEntriesWaitingFromACountReadEveryFewSeconds() {
        UUID show = show(0, 4);
        var ana = customer();
        String entry = ana.post(waitlist(show), Map.of("seatCount", 1)).text("entryId");

        await().atMost(Duration.ofSeconds(15)).until(() -> waitingEntries() == waitingInDatabase());
        assertThat(waitingEntries()).as("the entry that joined").isPositive();

        ana.delete("/api/v1/waitlist/" + entry);
        await().atMost(Duration.ofSeconds(15)).until(() -> waitingEntries() == waitingInDatabase());
    }

    @Test
    void gaugesTheStreamsAndLongPollsInProgress() throws Exception {
        UUID show = show(0, 4);
        UUID anaId = UUID.randomUUID();
        var ana = customer(anaId);
        String entry = ana.post(waitlist(show), Map.of("seatCount", 1)).text("entryId");
        double streams = openStreams();
        double polls = longPolls();

        try (var stream = SseClient.connect(url("/api/v1/waitlist/" + entry + "/stream"),
                Map.of("X-Customer-Id", anaId.toString()))) {
            assertThat(stream.next(Duration.ofSeconds(5)).name()).isEqualTo("entry");
            assertThat(openStreams() - streams).as("the stream open").isEqualTo(1);
            var poll = CompletableFuture.supplyAsync(() -> ana.get("/api/v1/waitlist/" + entry + "?waitSeconds=20"));
            await().atMost(Duration.ofSeconds(10)).until(() -> longPolls() - polls == 1);

            ana.delete("/api/v1/waitlist/" + entry);

            assertThat(poll.get(10, TimeUnit.SECONDS).text("status")).isEqualTo("CANCELLED");
            await().atMost(Duration.ofSeconds(10)).until(() -> longPolls() == polls);
            assertThat(stream.next(Duration.ofSeconds(5)).json().path("status").asString()).isEqualTo("CANCELLED");
            await().atMost(Duration.ofSeconds(10)).until(() -> openStreams() == streams);
        }
    }

    private double offers(String outcome) {
        return meters.get("ticketing.waiting.offers").tag("outcome", outcome).counter().count();
    }

    private Timer latency() {
        return meters.get("ticketing.waiting.offer.latency").timer();
    }

    private double waitingEntries() {
        return meters.get("ticketing.waiting.entries").tag("status", "waiting").gauge().value();
    }

    private double waitingInDatabase() {
        return jdbc.sql("SELECT count(*) FROM waitlist_entry WHERE status = 'WAITING'").query(Long.class).single();
    }

    private double openStreams() {
        return meters.get("ticketing.streams.open").tag("stream", "waitlist").gauge().value();
    }

    private double longPolls() {
        return meters.get("ticketing.long.polls.open").gauge().value();
    }

    private String status(String entryId) {
        return jdbc.sql("SELECT status FROM waitlist_entry WHERE id = ?").param(UUID.fromString(entryId))
                .query(String.class).single();
    }

    private String lineState(String entryId) {
        return jdbc.sql("SELECT line_state FROM waitlist_entry WHERE id = ?").param(UUID.fromString(entryId))
                .query(String.class).single();
    }

    private UUID offeredHold(String entryId) {
        return jdbc.sql("SELECT offer_hold_id FROM waitlist_entry WHERE id = ?").param(UUID.fromString(entryId))
                .query(UUID.class).single();
    }

    /** The holds the stub made for the entry's offers, in order. */
    private static List<UUID> made(String entryId) {
        return MADE.getOrDefault(UUID.fromString(entryId), List.of());
    }

    /** Held seats come free and are kept for the line. */
    private static void keep(UUID show, int seats) {
        synchronized (COUNTS.get(show)) {
            COUNTS.get(show)[1] -= seats;
            COUNTS.get(show)[2] += seats;
        }
    }

    private static int kept(UUID show) {
        synchronized (COUNTS.get(show)) {
            return COUNTS.get(show)[2];
        }
    }

    /**
     * Waits until a long poll is in progress on the instance with these meters: a change from then on reaches it,
     * whether it comes before or after the poll begins to watch (it reads the entry again once watching).
     */
    private static void awaitLongPoll(MeterRegistry meters) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("ticketing.long.polls.open").gauge().value() >= 1);
    }

    /** Another waiting-service instance on the same PostgreSQL, Kafka and reservation-service. */
    private static ConfigurableApplicationContext instance(String maxWait) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ticketing.waiting.max-wait=" + maxWait,
                "--ticketing.waiting.reservation-url=http://127.0.0.1:" + RESERVATION.getAddress().getPort()));
        TestInfrastructure.register((name, value) -> args.add("--" + name + "=" + value.get()), "waiting",
                Component.POSTGRES, Component.KAFKA);
        return new SpringApplicationBuilder(WaitingApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    private UUID show(int available, int held) {
        return show(available, held, 0);
    }

    private UUID show(int available, int held, int kept) {
        UUID show = UUID.randomUUID();
        COUNTS.put(show, new int[] { available, held, kept });
        return show;
    }

    private int count(UUID show) {
        return jdbc.sql("SELECT count(*) FROM waitlist_entry WHERE show_id = ?").param(show).query(Integer.class)
                .single();
    }

    private static String waitlist(UUID show) {
        return "/api/v1/shows/" + show + "/waitlist";
    }

    private JsonApi customer() {
        return customer(UUID.randomUUID());
    }

    private JsonApi customer(UUID customerId) {
        return customer(customerId, port);
    }

    private static JsonApi customer(UUID customerId, int port) {
        return JsonApi.asGateway("http://127.0.0.1:" + port).withHeader("X-Customer-Id", customerId.toString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }


    /**
     * Like reservation-service: takes {@code seatCount} kept seats (named K1, K2, ... per show) into a hold for the
     * entry, or answers with the hold it made before for that entry; null when too few seats are kept.
     */
    private static String offer(UUID show, int[] counts, UUID entryId, int seatCount) {
        synchronized (counts) {
            String earlier = OFFERS.get(entryId);
            if (earlier != null || counts[2] < seatCount) {
                return earlier;
            }
            List<String> seats = new ArrayList<>();
            for (int i = 0; i < seatCount; i++) {
                seats.add("\"K" + OFFERED_SEATS.merge(show, 1, Integer::sum) + "\"");
            }
            counts[2] -= seatCount;
            counts[1] += seatCount;
            OFFERS.put(entryId, String.join(",", seats));
            HOLDS.put(holdId(OFFERS.get(entryId)), entryId);
            MADE.computeIfAbsent(entryId, entry -> new CopyOnWriteArrayList<>()).add(holdId(OFFERS.get(entryId)));
            return OFFERS.get(entryId);
        }
    }

    private static HttpServer reservation() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/v1/shows/", exchange -> {
                IN_FLIGHT.incrementAndGet();
                try {
                    answer(exchange);
                }
                finally {
                    exchange.close();
                    IN_FLIGHT.decrementAndGet();
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); // requests at once, like a real service
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        UUID show = UUID.fromString(path[4]);
        int[] counts = COUNTS.get(show);
        CALLS.computeIfAbsent(show, s -> new ConcurrentHashMap<>()).merge(path[5], 1, Integer::sum);
        boolean removing = exchange.getRequestMethod().equals("DELETE");
        int status;
        String body = "{}";
        if (UNREACHABLE.contains(show) || (path[5].equals("line") && LINE_UNREACHABLE.contains(show))) {
            REFUSED.merge(show, 1, Integer::sum);
            status = 503;
        }
        else {
            switch (path[5]) {
                case "seat-counts" -> {
                    status = counts == null ? 404 : 200;
                    if (counts != null) {
                        body = "{\"showId\":\"%s\",\"total\":%d,\"available\":%d,\"held\":%d,\"kept\":%d}"
                                .formatted(show, counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2]);
                    }
                }
                case "line" -> {
                    var changes = JSON.readTree(exchange.getRequestBody());
                    Set<UUID> line = LINES.computeIfAbsent(show, s -> ConcurrentHashMap.newKeySet());
                    if (!changes.path("entered").isEmpty() && LATE_ENTERS.contains(show)) {
                        sleep(LATE_ENTER);
                    }
                    changes.path("entered").forEach(entry -> line.add(UUID.fromString(entry.asString())));
                    changes.path("left").forEach(entry -> line.remove(UUID.fromString(entry.asString())));
                    status = 204;
                }
                case "offers" -> {
                    if (removing) {
                        withdraw(counts, UUID.fromString(path[6]));
                        status = 204;
                    }
                    else {
                        status = 200;
                        body = offerRound(show, counts, JSON.readTree(exchange.getRequestBody()).path("waiters"));
                        if (body == null) {
                            status = 500;
                        }
                    }
                }
                case "kept-seats" -> {
                    synchronized (counts) {
                        body = "{\"released\":" + counts[2] + "}";
                        counts[0] += counts[2];
                        counts[2] = 0;
                    }
                    status = 200;
                }
                default -> status = 404;
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /**
     * Like reservation-service: offers kept seats to each waiter in turn, up to the first it cannot serve; null (a
     * failure) when the first offer fails, else the outcomes, a failure last.
     */
    private static String offerRound(UUID show, int[] counts, JsonNode waiters) {
        List<String> outcomes = new ArrayList<>();
        for (JsonNode waiter : waiters) {
            UUID entryId = UUID.fromString(waiter.path("entryId").asString());
            Runnable meanwhile = WHILE_OFFERING.remove(entryId);
            if (meanwhile != null) {
                meanwhile.run();
            }
            AtomicInteger before = OFFERS_BEFORE_FAILURE.get(show);
            if (before != null && before.getAndDecrement() <= 0) {
                if (outcomes.isEmpty()) {
                    return null;
                }
                outcomes.add("{\"entryId\":\"%s\",\"outcome\":\"FAILED\"}".formatted(entryId));
                break;
            }
            if (REFUSE.contains(entryId)) {
                outcomes.add("{\"entryId\":\"%s\",\"outcome\":\"REFUSED\",\"code\":\"TOO_MANY_SEATS\"}"
                        .formatted(entryId));
                continue;
            }
            String seats = offer(show, counts, entryId, waiter.path("seatCount").asInt());
            if (seats == null) {
                outcomes.add("{\"entryId\":\"%s\",\"outcome\":\"NOT_ENOUGH_KEPT\"}".formatted(entryId));
                break;
            }
            outcomes.add("{\"entryId\":\"%s\",\"outcome\":\"OFFERED\",\"hold\":%s}".formatted(entryId,
                    "{\"holdId\":\"%s\",\"seatIds\":[%s],\"expiresAt\":\"%s\"}".formatted(holdId(seats), seats,
                            Instant.now().plusSeconds(300))));
        }
        return "{\"outcomes\":[" + String.join(",", outcomes) + "]}";
    }

    /** Like reservation-service: the offer's hold is released, its seats kept for the line again. */
    private static void withdraw(int[] counts, UUID holdId) {
        synchronized (counts) {
            UUID entryId = HOLDS.remove(holdId);
            if (entryId != null) {
                int seats = OFFERS.remove(entryId).split(",").length;
                counts[1] -= seats;
                counts[2] += seats;
                WITHDRAWN.add(holdId);
            }
        }
    }

    private static UUID holdId(String seats) {
        return UUID.nameUUIDFromBytes(seats.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
