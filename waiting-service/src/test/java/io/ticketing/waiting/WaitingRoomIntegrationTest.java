package io.ticketing.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.identity.AdmissionTokens;
import io.ticketing.identity.CallerSignatures;
import io.ticketing.starter.jobs.JobLeases;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.SseClient;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;

/**
 * Virtual waiting rooms on real PostgreSQL, with a second waiting-service instance admitting too: admins' settings,
 * one place per customer, a random draw for who came before the opening and arrival order after it, admission at the
 * configured rate (not twice it with two instances), tokens, long polls and streams, sold out, the gateway's gate and
 * slowing down when holds are slow. reservation-service's seat counts are played by a small HTTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "ticketing.waiting.room.health-window=PT1S", "ticketing.waiting.room.opening-share=1",
            "ticketing.waiting.room.max-long-polls=2" })
class WaitingRoomIntegrationTest {

    /** Seats available per show, as reservation-service's seat counts answer; other shows are answered 404. */
    private static final Map<UUID, Integer> AVAILABLE = new ConcurrentHashMap<>();
    private static final HttpServer RESERVATION = reservation();
    private static final AdmissionTokens TOKENS = new AdmissionTokens(CallerSignatures.LOCAL_SECRET);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "waiting", Component.POSTGRES, Component.KAFKA);
        registry.add("ticketing.waiting.reservation-url", WaitingRoomIntegrationTest::reservationUrl);
    }

    @AfterAll
    static void stopReservation() {
        RESERVATION.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    @Value("${" + TestInfrastructure.JOB_LEASE_SCOPE + "}")
    String leaseScope;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @Test
    void adminsTurnARoomOnChangeItAndCloseItAndBadSettingsChangeNothing() {
        UUID show = show(100);
        var admin = JsonApi.asGateway(url(""));
        Instant opensAt = Instant.now().plusSeconds(3600);

        var created = admin.put(room(show), settings(opensAt, 600, 10));
        var changed = admin.put(room(show), settings(opensAt, 1200, 15));
        var state = admin.get(room(show));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("SCHEDULED");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(state.json().path("admitPerMinute").asInt()).isEqualTo(1200);
        assertThat(state.json().path("effectiveAdmitPerMinute").asInt()).isEqualTo(1200);
        assertThat(state.json().path("admissionMinutes").asInt()).isEqualTo(15);
        assertThat(state.json().path("seatsLeft").asInt()).isEqualTo(100);
        assertThat(state.json().path("throttled").asBoolean()).isFalse();
        assertThat(customer().get(queue(show)).text("status")).isEqualTo("SCHEDULED");
        assertThat(gate()).contains(show.toString());

        assertThat(admin.put(room(show), settings(opensAt, 0, 10)).text("code")).isEqualTo("INVALID_RATE");
        assertThat(admin.put(room(show), settings(opensAt, 10, 0)).text("code")).isEqualTo("INVALID_ADMISSION_MINUTES");
        assertThat(admin.put(room(show), Map.of("admitPerMinute", 10, "admissionMinutes", 5)).status()).isEqualTo(400);
        assertThat(admin.request("PUT", room(show), "application/json",
                "{\"opensAt\":\"tomorrow\",\"admitPerMinute\":1,\"admissionMinutes\":1}").status()).isEqualTo(400);
        UUID unknown = UUID.randomUUID();
        assertThat(admin.put(room(unknown), settings(opensAt, 10, 10)).text("code")).isEqualTo("SHOW_NOT_FOUND");
        assertThat(admin.get(room(show)).json().path("admitPerMinute").asInt()).as("unchanged").isEqualTo(1200);
        assertThat(admin.get(room(unknown)).text("code")).isEqualTo("ROOM_NOT_FOUND");
        assertThat(join(customer(), unknown).text("code")).isEqualTo("ROOM_NOT_FOUND");

        assertThat(admin.delete(room(show)).status()).isEqualTo(204);
        assertThat(admin.get(room(show)).text("status")).isEqualTo("CLOSED");
        assertThat(gate()).doesNotContain(show.toString());
        assertThat(join(customer(), show).text("code")).isEqualTo("ROOM_CLOSED");
        assertThat(admin.put(room(show), settings(opensAt, 60, 10)).text("status")).as("opened again")
                .isEqualTo("SCHEDULED");
    }

    @Test
    void whoComesBeforeTheOpeningIsDrawnIntoRandomOrderAndWhoComesAfterQueuesInArrivalOrder() throws Exception {
        UUID show = show(1000);
        JsonApi.asGateway(url("")).put(room(show), settings(Instant.now().plusSeconds(3), 60, 10));
        List<UUID> early = IntStream.range(0, 60).mapToObj(i -> UUID.randomUUID()).toList();
        Map<UUID, String> tickets = new ConcurrentHashMap<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (UUID customer : early) {
                pool.submit(() -> {
                    var joined = join(customer(customer), show);
                    assertThat(joined.status()).as(joined.body()).isEqualTo(201);
                    assertThat(joined.text("status")).isEqualTo("BEFORE_OPENING");
                    assertThat(joined.json().path("position").isNull()).isTrue();
                    assertThat(joined.json().path("readAgainSeconds").asLong(-1)).as("long-poll for the opening")
                            .isZero();
                    tickets.put(customer, joined.text("ticketId"));
                });
            }
        }
        var again = join(customer(early.get(0)), show);
        assertThat(again.status()).as("one place per customer").isEqualTo(200);
        assertThat(again.text("ticketId")).isEqualTo(tickets.get(early.get(0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> "OPEN".equals(customer().get(queue(show)).text("status")));
        List<UUID> late = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
        for (UUID customer : late) {
            assertThat(join(customer(customer), show).text("status")).isEqualTo("WAITING");
        }

        List<Long> earlyRanks = early.stream().map(customer -> rank(show, customer)).toList();
        assertThat(earlyRanks).containsExactlyInAnyOrderElementsOf(ranks(1, 60));
        assertThat(earlyRanks).as("drawn, not in the order of joining").isNotEqualTo(ranks(1, 60));
        assertThat(late.stream().map(customer -> rank(show, customer)).toList()).as("arrival order")
                .containsExactlyElementsOf(ranks(61, 70));
        var place = customer(late.get(0)).get("/api/v1/queue/" + join(customer(late.get(0)), show)
                .text("ticketId"));
        long admitted = JsonApi.asGateway(url("")).get(room(show)).json().path("admitted").asLong();
        assertThat(place.json().path("position").asLong()).isEqualTo(61 - admitted);
        assertThat(place.json().path("etaSeconds").asLong()).as("one a second").isEqualTo(61 - admitted);
        assertThat(place.json().path("readAgainSeconds").asLong()).as("5 s for 70 waiting, from half to 1.5 times")
                .isBetween(2L, 7L);
        Instant asked = Instant.now();
        var polled = poll(late.get(0), place.text("ticketId"));
        assertThat(Duration.between(asked, Instant.now())).as("a long poll far from its turn: answered at once")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(polled.text("status")).isEqualTo("WAITING");
        assertThat(polled.json().path("readAgainSeconds").asLong()).isPositive();
        assertThat(customer().get("/api/v1/queue/" + place.text("ticketId")).status()).as("someone else's")
                .isEqualTo(404);
    }

    @Test
    void anOpeningAdmitsNobodyWhileItsCrowdReadsItsPlacesAndAdmitsOnceItHasStopped() throws Exception {
        UUID show = show(1000);
        var admin = JsonApi.asGateway(url(""));
        admin.put(room(show), settings(Instant.now().plusSeconds(3600), 6000, 5));
        int crowd = 100;
        List<UUID> ids = IntStream.range(0, crowd).mapToObj(i -> UUID.randomUUID()).toList();
        List<String> tickets = new ArrayList<>();
        for (UUID id : ids) {
            tickets.add(join(customer(id), show).text("ticketId"));
        }
        admin.put(room(show), settings(Instant.now(), 6000, 5));
        await().atMost(Duration.ofSeconds(5)).until(() -> "OPEN".equals(customer().get(queue(show)).text("status")));
        Instant opened = Instant.now();

        // 80 of the 100 read their places over 4 s, 20 a second: not yet 99 in 100, and still reading
        Instant reading = Instant.now();
        for (int i = 0; i < 80; i++) {
            assertThat(customer(ids.get(i)).get("/api/v1/queue/" + tickets.get(i)).text("status"))
                    .isEqualTo("WAITING");
            Thread.sleep(50);
        }
        assertThat(Duration.between(reading, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(admitted(show)).as("quiet while the crowd reads: " + roomRow(show)).isZero();

        // they stop: the quiet ends at the first judgement 10 s after the opening (every page waiting for it has read
        // by then), and admission goes on at the rate
        await().atMost(Duration.ofSeconds(15)).until(() -> admitted(show) > 0);
        assertThat(Duration.between(opened, Instant.now())).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(14));
        await().atMost(Duration.ofSeconds(10)).until(() -> admitted(show) == crowd);
    }

    @Test
    void aLongPollOverTheInstancesLimitIsAnsweredAtOnceAndToldWhenToReadAgain() throws Exception {
        UUID show = show(1000);
        var admin = JsonApi.asGateway(url(""));
        admin.put(room(show), settings(Instant.now().plusSeconds(3600), 60, 5));
        List<UUID> ids = IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID()).toList();
        List<String> tickets = ids.stream().map(id -> join(customer(id), show).text("ticketId")).toList();
        Instant asked = Instant.now();
        var early = poll(ids.get(0), tickets.get(0));
        assertThat(Duration.between(asked, Instant.now())).as("an hour before the opening: answered at once")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(early.json().path("readAgainSeconds").asLong()).as("5 s for 3 waiting, half to 1.5 times")
                .isBetween(2L, 7L);
        admin.put(room(show), settings(Instant.now().plusSeconds(14), 60, 5));

        // two long polls for the opening, now near: the limit of this instance (max-long-polls=2)
        var first = CompletableFuture.supplyAsync(() -> poll(ids.get(0), tickets.get(0)));
        var second = CompletableFuture.supplyAsync(() -> poll(ids.get(1), tickets.get(1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> longPollsOpen() == 2);
        asked = Instant.now();
        var third = poll(ids.get(2), tickets.get(2));
        assertThat(Duration.between(asked, Instant.now())).as("answered at once").isLessThan(Duration.ofSeconds(3));
        assertThat(third.text("status")).isEqualTo("BEFORE_OPENING");
        long opensIn = third.json().path("etaSeconds").asLong();
        assertThat(third.json().path("readAgainSeconds").asLong()).as("read again 5 to 10 s after the opening")
                .isBetween(opensIn + 5, opensIn + 10);
        assertThat(first.isDone() || second.isDone()).as("the two still wait").isFalse();

        admin.delete(room(show));
        assertThat(first.get(10, TimeUnit.SECONDS).text("status")).isEqualTo("CLOSED");
        assertThat(second.get(10, TimeUnit.SECONDS).text("status")).isEqualTo("CLOSED");
        assertThat(longPollsOpen()).isZero();
    }

    @Test
    void admissionFollowsTheRateWithTwoInstancesAndTokensAdmitOnlyTheirCustomer() throws Exception {
        UUID show = show(1000);
        int customers = 240;
        int perMinute = 1200;
        try (var second = instance()) {
            var admin = JsonApi.asGateway(url(""));
            admin.put(room(show), settings(Instant.now().plusSeconds(3600), perMinute, 5));
            List<UUID> ids = IntStream.range(0, customers).mapToObj(i -> UUID.randomUUID()).toList();
            List<String> tickets = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                int instancePort = i % 2 == 0 ? port : port(second);
                tickets.add(join(customer(ids.get(i), instancePort), show).text("ticketId"));
            }
            // the opening announced 12 s away: a page long-polls for it from 15 s before it on
            admin.put(room(show), settings(Instant.now().plusSeconds(12), perMinute, 5));
            var firstPoll = CompletableFuture.supplyAsync(() -> poll(ids.get(0), tickets.get(0)));
            Thread.sleep(500);
            Instant opened = Instant.now();
            admin.put(room(show), settings(opened, perMinute, 5));

            var opening = firstPoll.get();
            assertThat(opening.text("status")).as("woken by the opening").isEqualTo("WAITING");
            // the others' pages read their places too, on both instances: the opening's quiet ends once 99 in 100
            // have read (it would last 10 s otherwise)
            for (int i = 1; i < customers; i++) {
                int instancePort = i % 2 == 0 ? port : port(second);
                customer(ids.get(i), instancePort).get("/api/v1/queue/" + tickets.get(i));
            }
            var admission = poll(ids.get(0), tickets.get(0));
            assertThat(admission.text("status")).isEqualTo("ADMITTED");
            assertThat(Duration.between(opened, Instant.now())).as("woken by its admission, not after 20 s")
                    .isLessThan(Duration.ofSeconds(15));
            await().atMost(Duration.ofSeconds(30)).until(() -> admitted(show) == customers);

            List<Instant> times = jdbc.sql("SELECT admitted_at FROM waiting_room_ticket WHERE show_id = ? "
                    + "ORDER BY admitted_at").param(show).query(Instant.class).list();
            long firstBatch = times.stream().filter(times.getFirst()::equals).count();
            double seconds = Duration.between(times.getFirst(), times.getLast()).toMillis() / 1000.0;
            double rate = (customers - firstBatch) / seconds * 60;
            assertThat(rate).as("admitted per minute, two instances admitting").isCloseTo(perMinute,
                    within(perMinute * 0.05));

            var place = customer(ids.get(7)).get("/api/v1/queue/" + tickets.get(7));
            String token = place.text("admissionToken");
            Instant until = Instant.parse(place.text("admittedUntil"));
            assertThat(until).isBetween(opened.plusSeconds(295), Instant.now().plusSeconds(300));
            assertThat(TOKENS.admits(token, show, ids.get(7), Instant.now())).isTrue();
            assertThat(TOKENS.admits(token, show, ids.get(8), Instant.now())).as("another customer").isFalse();
            assertThat(TOKENS.admits(token, UUID.randomUUID(), ids.get(7), Instant.now())).as("another show")
                    .isFalse();
            assertThat(customer(ids.get(8)).get("/api/v1/queue/" + tickets.get(8)).text("admissionToken"))
                    .isNotEqualTo(token);
            var state = admin.get(room(show)).json();
            assertThat(state.path("admitted").asInt()).isEqualTo(customers);
            assertThat(state.path("active").asInt()).isEqualTo(customers);
            assertThat(state.path("waiting").asInt()).isZero();
            assertThat(jdbc.sql("SELECT holder FROM job_lease WHERE job = ?")
                    .param(leaseScope + "/waiting-room-admission").query(String.class).list())
                    .as("one of the two admits").singleElement().isIn(holder(context), holder(second));
        }
    }

    private static String holder(ApplicationContext instance) {
        return instance.getBean(JobLeases.class).holder();
    }

    @Test
    void anAdmissionRunsFromTheFirstReadThatTellsOfItWhileItStillRuns() throws Exception {
        UUID show = show(100);
        JsonApi.asGateway(url("")).put(room(show), settings(Instant.now(), 600, 1));
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        String anas = join(customer(ana), show).text("ticketId");
        String bens = join(customer(ben), show).text("ticketId");
        await().atMost(Duration.ofSeconds(15)).until(() -> admitted(show) == 2);
        Instant admittedAt = jdbc.sql("SELECT admitted_at FROM waiting_room_ticket WHERE id = ?::uuid").param(anas)
                .query(Instant.class).single();
        jdbc.sql("UPDATE waiting_room_ticket SET admitted_until = now() - interval '1 second' WHERE id = ?::uuid")
                .param(bens).update(); // Ben's page slept through his whole admission
        Thread.sleep(1_500);

        Instant read = Instant.now();
        var first = customer(ana).get("/api/v1/queue/" + anas);
        assertThat(first.text("status")).isEqualTo("ADMITTED");
        Instant until = Instant.parse(first.text("admittedUntil"));
        assertThat(until).as("a minute from her first read, not from her admission")
                .isAfterOrEqualTo(read.plusSeconds(60).minusMillis(5))
                .isAfter(admittedAt.plusSeconds(61));
        assertThat(TOKENS.admits(first.text("admissionToken"), show, ana, until.minusSeconds(1))).isTrue();
        Thread.sleep(1_100);
        assertThat(customer(ana).get("/api/v1/queue/" + anas).text("admittedUntil")).as("once only")
                .isEqualTo(first.text("admittedUntil"));
        assertThat(customer(ben).get("/api/v1/queue/" + bens).text("status")).as("over before he read it")
                .isEqualTo("EXPIRED");
    }

    @Test
    void aStreamTellsThePlaceUntilAdmission() {
        UUID show = show(10);
        UUID ana = UUID.randomUUID();
        JsonApi.asGateway(url("")).put(room(show), settings(Instant.now().plusSeconds(2), 600, 5));
        String ticket = join(customer(ana), show).text("ticketId");

        try (var stream = SseClient.connect(url("/api/v1/queue/" + ticket + "/stream"),
                Map.of("X-Customer-Id", ana.toString()))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(Duration.ofSeconds(5)).data()).contains("BEFORE_OPENING");
            String last = "";
            while (!last.contains("ADMITTED")) {
                last = stream.next(Duration.ofSeconds(10)).data();
            }
            assertThat(last).contains("\"admissionToken\":\"a1.");
        }
    }

    @Test
    void aRoomWithNoSeatLeftClosesItselfAndTellsWhoWaits() throws Exception {
        UUID show = show(50);
        var admin = JsonApi.asGateway(url(""));
        admin.put(room(show), settings(Instant.now(), 10, 5)); // Ben's turn is 12 s away: he long-polls
        join(customer(), show);
        UUID ben = UUID.randomUUID();
        String bens = join(customer(ben), show).text("ticketId");
        var poll = CompletableFuture.supplyAsync(() -> customer(ben).get("/api/v1/queue/" + bens + "?waitSeconds=20"));
        Thread.sleep(500);

        AVAILABLE.put(show, 0);

        assertThat(poll.get().text("status")).isEqualTo("SOLD_OUT");
        assertThat(admin.get(room(show)).text("status")).isEqualTo("SOLD_OUT");
        assertThat(join(customer(), show).text("code")).isEqualTo("SHOW_FULL");
        assertThat(gate()).doesNotContain(show.toString());
    }

    @Test
    void slowOrFailingHoldsSlowAdmissionDownAndHealthyOnesBringItBack() {
        UUID show = show(1000);
        var admin = JsonApi.asGateway(url(""));
        admin.put(room(show), settings(Instant.now(), 6000, 5));
        join(customer(), show);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            report(show, 100, 5, 0);
            var state = admin.get(room(show)).json();
            assertThat(state.path("throttled").asBoolean()).isTrue();
            assertThat(state.path("effectiveAdmitPerMinute").asInt()).isLessThanOrEqualTo(3000);
            assertThat(state.path("throttleReason").asString())
                    .containsPattern("\\d+ slower than 500 ms and \\d+ failed, of the \\d+ of the last 10 s");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            report(show, 100, 0, 10);
            assertThat(admin.get(room(show)).json().path("effectiveAdmitPerMinute").asInt())
                    .as("down to a tenth at most").isEqualTo(600);
        });
        // back up by steps of 600 a minute while within three quarters of the 6,000 that was slow (to 4,200), then of
        // 150: 18 steps, one per healthy whole second after a change, 1-2 s each with the 0.5 s ticks
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            report(show, 100, 0, 0);
            var state = admin.get(room(show)).json();
            assertThat(state.path("throttled").asBoolean()).isFalse();
            assertThat(state.path("effectiveAdmitPerMinute").asInt()).isEqualTo(6000);
        });
    }

    /**
     * Fails against a room that judged the slow holds since its rate changed against the holds since then alone: right
     * after a change those are few, and 8 slow of them halved it (the thirty-fourth arena's clusters of slow holds).
     */
    @Test
    void aFewSlowHoldsAmongTenSecondsOfHealthyOnesLeaveTheRateAsItIs() throws Exception {
        UUID show = show(1000);
        var admin = JsonApi.asGateway(url(""));
        admin.put(room(show), settings(Instant.now(), 6000, 5));
        join(customer(), show);
        // healthy holds, 200 a second for 11 s, then a burst of slow ones halves the rate: a change
        for (int i = 0; i < 22; i++) {
            report(show, 100, 0, 0);
            Thread.sleep(500);
        }
        report(show, 100, 50, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> effectiveRate(admin, show) == 3000);
        // in a later second than the change's (the health is kept per second, and the second of a change does not
        // count for it): 8 slow holds, of a few hundred since the change and about 2,000 in the last 10 s
        Thread.sleep(1050 - Instant.now().getNano() / 1_000_000);
        report(show, 100, 8, 0);
        for (int i = 0; i < 8; i++) {
            Thread.sleep(500);
            report(show, 100, 0, 0);
            assertThat(effectiveRate(admin, show)).as("the rate, %d ms later", (i + 1) * 500)
                    .isGreaterThanOrEqualTo(3000);
        }
    }

    private static int effectiveRate(JsonApi admin, UUID show) {
        return admin.get(room(show)).json().path("effectiveAdmitPerMinute").asInt();
    }

    @Test
    void anOpenRoomThatNobodyWaitsInWritesNothingUntilSomeoneComes() throws Exception {
        UUID show = show(100);
        JsonApi.asGateway(url("")).put(room(show), settings(Instant.now(), 60, 5));
        UUID ana = UUID.randomUUID();
        String anas = join(customer(ana), show).text("ticketId");
        await().atMost(Duration.ofSeconds(10)).until(() -> admitted(show) == 1);
        String before = roomRow(show);

        Thread.sleep(2_000); // four ticks

        assertThat(roomRow(show)).as("the room's row, nobody waiting").isEqualTo(before);
        UUID ben = UUID.randomUUID();
        String bens = join(customer(ben), show).text("ticketId");
        assertThat(poll(ben, bens).text("status")).isEqualTo("ADMITTED");
        assertThat(customer(ana).get("/api/v1/queue/" + anas).text("status")).isEqualTo("ADMITTED");
    }

    @Test
    void customersRacingTheOpeningGetOnePlaceEachAndRanksWithoutGaps() throws Exception {
        UUID show = show(1000);
        JsonApi.asGateway(url("")).put(room(show), settings(Instant.now().plusSeconds(1), 1, 5));
        List<UUID> customers = IntStream.range(0, 150).mapToObj(i -> UUID.randomUUID()).toList();
        Set<String> answers = ConcurrentHashMap.newKeySet();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 300; i++) {
                UUID customer = customers.get(i % customers.size());
                pool.submit(() -> {
                    var joined = join(customer(customer), show);
                    assertThat(joined.status()).as(joined.body()).isIn(200, 201);
                    answers.add(customer + " " + joined.text("ticketId"));
                });
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "OPEN".equals(customer().get(queue(show)).text("status")));

        assertThat(answers).as("the same place for each customer's every join").hasSize(customers.size());
        List<Long> ranks = jdbc.sql("SELECT rank FROM waiting_room_ticket WHERE show_id = ? ORDER BY rank")
                .param(show).query(Long.class).list();
        assertThat(ranks).containsExactlyElementsOf(ranks(1, customers.size()));
        assertThat(new HashSet<>(ranks)).hasSize(customers.size());
    }

    /** Ranks from {@code first} to {@code last}. */
    private static List<Long> ranks(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static JsonApi.Response join(JsonApi customer, UUID show) {
        return customer.request("POST", queue(show), null, null);
    }

    private JsonApi.Response poll(UUID customer, String ticket) {
        return customer(customer).get("/api/v1/queue/" + ticket + "?waitSeconds=20");
    }

    private long rank(UUID show, UUID customer) {
        return jdbc.sql("SELECT rank FROM waiting_room_ticket WHERE show_id = ? AND customer_id = ?")
                .params(show, customer).query(Long.class).single();
    }

    private String roomRow(UUID show) {
        return jdbc.sql("SELECT r::text FROM waiting_room r WHERE show_id = ?").param(show).query(String.class)
                .single();
    }

    private double longPollsOpen() {
        return meters.get("ticketing.waiting.room.long.polls.open").gauge().value();
    }

    private int admitted(UUID show) {
        return jdbc.sql("SELECT count(*) FROM waiting_room_ticket WHERE show_id = ? AND admitted_at IS NOT NULL")
                .param(show).query(Integer.class).single();
    }

    private String gate() {
        return report(UUID.randomUUID(), 0, 0, 0);
    }

    private String report(UUID show, int holds, int slow, int errors) {
        var answer = JsonApi.asGateway(url("")).post("/internal/v1/rooms/gate", Map.of("holds",
                List.of(Map.of("showId", show, "holds", holds, "slow", slow, "errors", errors))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static Map<String, Object> settings(Instant opensAt, int perMinute, int minutes) {
        return Map.of("opensAt", opensAt.toString(), "admitPerMinute", perMinute, "admissionMinutes", minutes);
    }

    private static String room(UUID show) {
        return "/api/v1/admin/shows/" + show + "/queue";
    }

    private static String queue(UUID show) {
        return "/api/v1/shows/" + show + "/queue";
    }

    private static UUID show(int available) {
        UUID show = UUID.randomUUID();
        AVAILABLE.put(show, available);
        return show;
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
     * Another waiting-service instance on the same PostgreSQL and reservation-service, sharing this one's job leases:
     * one of the two admits.
     */
    private ConfigurableApplicationContext instance() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ticketing.waiting.room.health-window=PT1S",
                "--ticketing.waiting.room.opening-share=1",
                "--ticketing.waiting.reservation-url=" + reservationUrl(),
                "--" + TestInfrastructure.JOB_LEASE_SCOPE + "=" + leaseScope));
        TestInfrastructure.register((name, value) -> {
            if (!name.equals(TestInfrastructure.JOB_LEASE_SCOPE)) {
                args.add("--" + name + "=" + value.get());
            }
        }, "waiting", Component.POSTGRES, Component.KAFKA);
        return new SpringApplicationBuilder(WaitingApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    private static String reservationUrl() {
        return "http://127.0.0.1:" + RESERVATION.getAddress().getPort();
    }

    private static HttpServer reservation() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/v1/shows/", exchange -> {
                String[] path = exchange.getRequestURI().getPath().split("/");
                Integer available = AVAILABLE.get(UUID.fromString(path[4]));
                byte[] body = available == null ? new byte[0] : ("{\"total\":1000,\"available\":" + available
                        + ",\"held\":0,\"kept\":0}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(available == null ? 404 : 200, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
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
