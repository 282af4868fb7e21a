package io.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.identity.AdmissionTokens;
import io.ticketing.identity.CallerSignatures;
import io.ticketing.testsupport.JsonApi;

/**
 * The virtual waiting room's door: while waiting-service has a show's room on, a hold of that show passes only with its
 * customer's admission token for that show, and holds of other shows pass as before; the holds let through are
 * reported to waiting-service, and none is lost when a report fails. waiting-service is up here, its gate endpoint
 * answering the rooms each test opens (StubServices); what happens while it has never answered is in
 * {@link GatewayRoutingIntegrationTest}, where it is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.gateway.response-timeout=1s", "ticketing.gateway.admission.refresh-interval=100ms" })
class GatewayAdmissionIntegrationTest {

    private static final AdmissionTokens TOKENS = new AdmissionTokens(CallerSignatures.LOCAL_SECRET);
    /** Generous, for a shared 2-core machine: the gateway reads the rooms every 100 ms here. */
    private static final Duration READ_IN_TIME = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.registerWithWaitingUp(registry);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void waitingServiceAnswersAgain() {
        StubServices.gateAway(false);
    }

    private record Customer(UUID id, JsonApi api) {

        JsonApi withToken(String token) {
            return api.withHeader(AdmissionTokens.HEADER, token);
        }

        /** This customer, with an admission token that waiting-service would have given them for {@code showId}. */
        JsonApi admittedTo(UUID showId) {
            return withToken(TOKENS.issue(showId, id, Instant.now().plusSeconds(600)));
        }
    }

    private JsonApi anonymous() {
        return new JsonApi("http://127.0.0.1:" + port);
    }

    private JsonApi admin() {
        return anonymous().withHeader("X-API-Key", "local-admin-key");
    }

    /** A new customer, signed in through support staff, calling with the client key. */
    private Customer customer() {
        var session = admin().post("/api/v1/admin/sessions",
                Map.of("email", "fan-" + UUID.randomUUID() + "@example.com"));
        return new Customer(UUID.fromString(session.text("customerId")), anonymous().withHeader("X-API-Key",
                "local-client-key").withHeader("Authorization", "Bearer " + session.text("token")));
    }

    private static JsonApi.Response hold(JsonApi api, Object showId) {
        return hold(api, showId, "");
    }

    /** A hold of one seat; {@code query} tells the reservation stub how to answer ("?stub=busy", "?stub=fail"). */
    private static JsonApi.Response hold(JsonApi api, Object showId, String query) {
        return api.post("/api/v1/shows/" + showId + "/holds" + query, Map.of("seatIds", List.of("A1")));
    }

    /** Opens the room of a new show and waits until the gateway has read it: a hold without a token is refused. */
    private UUID roomOn(long slowAfterMillis) {
        UUID showId = UUID.randomUUID();
        StubServices.openRoom(showId, slowAfterMillis);
        JsonApi someone = customer().api();
        await().atMost(READ_IN_TIME).untilAsserted(() -> assertThat(hold(someone, showId).status()).isEqualTo(403));
        return showId;
    }

    private static String holds(UUID showId) {
        return "/api/v1/shows/" + showId + "/holds";
    }

    @Test
    void gatesOnlyTheHoldsOfShowsWhoseRoomIsOn() {
        UUID gated = roomOn(5000);
        JsonApi ana = customer().api();
        UUID other = UUID.randomUUID();

        assertThat(hold(ana, other).status()).as("a show without a room, no token").isEqualTo(200);
        assertThat(StubServices.lastRequestTo("reservation").path()).isEqualTo(holds(other));
        assertThat(hold(ana, "not-a-show-id").status()).as("no show's id: for the service to answer").isEqualTo(200);
        assertThat(ana.get(holds(gated)).status()).as("only holding is gated").isEqualTo(200);
        assertThat(hold(ana, gated).status()).isEqualTo(403);

        StubServices.closeRoom(gated);

        await().atMost(READ_IN_TIME).untilAsserted(() -> assertThat(hold(ana, gated).status()).isEqualTo(200));
    }

    @Test
    void refusesAHoldWithoutItsCustomersAdmissionToThatShow() {
        UUID showId = roomOn(5000);
        Customer ana = customer();
        UUID bea = customer().id();
        Instant later = Instant.now().plusSeconds(600);
        Map<String, JsonApi> refused = new LinkedHashMap<>();
        refused.put("no token", ana.api());
        refused.put("a garbage token", ana.withToken("a1.4102444800.forged"));
        refused.put("another customer's token", ana.withToken(TOKENS.issue(showId, bea, later)));
        refused.put("a token for another show", ana.admittedTo(UUID.randomUUID()));
        refused.put("an expired token", ana.withToken(TOKENS.issue(showId, ana.id(), Instant.now().minusSeconds(1))));
        int reached = StubServices.requestsTo("reservation", holds(showId));

        for (var attempt : refused.entrySet()) {
            var response = hold(attempt.getValue(), showId);
            assertThat(response.status()).as(attempt.getKey()).isEqualTo(403);
            assertThat(response.isProblem()).as(attempt.getKey()).isTrue();
            assertThat(response.text("code")).as(attempt.getKey()).isEqualTo("ADMISSION_REQUIRED");
            assertThat(response.text("detail")).as(attempt.getKey())
                    .contains("POST /api/v1/shows/" + showId + "/queue", AdmissionTokens.HEADER);
        }
        assertThat(StubServices.requestsTo("reservation", holds(showId))).as("none reached the service")
                .isEqualTo(reached);
    }

    @Test
    void letsTheAdmittedCustomerHoldAndKeepsTheTokenFromTheService() {
        UUID showId = roomOn(5000);
        Customer ana = customer();

        var response = hold(ana.admittedTo(showId), showId);

        assertThat(response.status()).isEqualTo(200);
        var received = StubServices.lastRequestTo("reservation");
        assertThat(received.path()).isEqualTo(holds(showId));
        assertThat(received.headers().getFirst("X-Customer-Id")).isEqualTo(ana.id().toString());
        assertThat(received.headers().containsKey(AdmissionTokens.HEADER)).isFalse();
    }

    @Test
    void reportsTheHoldsItLetThroughWithTheSlowAndTheFailedOnes() {
        UUID slowShow = roomOn(100);
        UUID showId = roomOn(5000);
        Customer ana = customer();

        for (int i = 0; i < 3; i++) {
            // answered after 300 ms, three times the room's 100 ms
            assertThat(hold(ana.admittedTo(slowShow), slowShow, "?stub=busy").status()).isEqualTo(200);
        }
        assertThat(hold(ana.admittedTo(showId), showId).status()).isEqualTo(200);
        assertThat(hold(ana.admittedTo(showId), showId).status()).isEqualTo(200);
        assertThat(hold(ana.admittedTo(showId), showId, "?stub=fail").status()).as("the service failed")
                .isEqualTo(StubServices.FAIL_STATUS);
        assertThat(hold(ana.admittedTo(showId), showId, "?stub=crash").status()).as("the service died mid-request")
                .isEqualTo(503);
        assertThat(hold(ana.api(), showId).status()).as("refused, so not let through").isEqualTo(403);

        await().atMost(READ_IN_TIME).untilAsserted(() -> {
            assertThat(StubServices.reported(slowShow)).isEqualTo(new StubServices.Reported(3, 3, 0));
            assertThat(StubServices.reported(showId)).isEqualTo(new StubServices.Reported(4, 0, 2));
        });
    }

    @Test
    void keepsTheLastRoomsAndTheUnreportedHoldsWhileWaitingServiceIsAway() {
        UUID showId = roomOn(5000);
        Customer ana = customer();
        StubServices.gateAway(true);

        assertThat(hold(ana.admittedTo(showId), showId).status()).isEqualTo(200);
        assertThat(hold(ana.admittedTo(showId), showId).status()).isEqualTo(200);
        int tried = StubServices.gateCalls();
        await().atMost(READ_IN_TIME).until(() -> StubServices.gateCalls() >= tried + 3);

        assertThat(StubServices.reported(showId)).as("no report accepted").isEqualTo(StubServices.Reported.NONE);
        assertThat(hold(ana.api(), showId).status()).as("the last rooms stay in force").isEqualTo(403);
        assertThat(hold(ana.admittedTo(showId), showId).status()).isEqualTo(200);
        assertThat(hold(ana.api(), UUID.randomUUID()).status()).as("a show without a room").isEqualTo(200);

        StubServices.gateAway(false);

        await().atMost(READ_IN_TIME).untilAsserted(() -> assertThat(StubServices.reported(showId))
                .as("the holds of the failed reports, and the one since")
                .isEqualTo(new StubServices.Reported(3, 0, 0)));
    }

    @Test
    void countsTheRoomsItKnowsAndTheHoldsItRefuses() {
        double before = refused("ADMISSION_REQUIRED");
        UUID showId = roomOn(5000);

        assertThat(hold(customer().api(), showId).status()).isEqualTo(403);

        assertThat(refused("ADMISSION_REQUIRED")).isGreaterThanOrEqualTo(before + 2);
        assertThat(meters.get("ticketing.gateway.admission.rooms").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("ticketing.gateway.admission.rooms.age").gauge().value()).isBetween(0.0, 10.0);
    }

    private double refused(String code) {
        return meters.get("ticketing.gateway.admission.refused").tag("code", code).counter().count();
    }

    @Test
    void routesTheWaitingRoomToWaitingServiceAsTheCustomer() {
        Customer ana = customer();
        String room = "/api/v1/shows/" + UUID.randomUUID() + "/queue";
        String ticket = "/api/v1/queue/" + UUID.randomUUID();

        assertReachedWaitingService(ana.api().post(room, Map.of()), room, ana.id());
        assertReachedWaitingService(ana.api().get(room), room, ana.id());
        assertReachedWaitingService(ana.api().get(ticket + "?waitSeconds=1"), ticket, ana.id());
        assertReachedWaitingService(ana.api().get(ticket + "/stream"), ticket + "/stream", ana.id());
    }

    private static void assertReachedWaitingService(JsonApi.Response response, String path, UUID customerId) {
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).contains("\"waiting\"");
        var received = StubServices.lastRequestTo("waiting");
        assertThat(received.path()).isEqualTo(path);
        assertThat(received.headers().getFirst("X-Customer-Id")).as(path).isEqualTo(customerId.toString());
    }

    @Test
    void routesTheAdminsWaitingRoomToWaitingService() {
        String room = "/api/v1/admin/shows/" + UUID.randomUUID() + "/queue";
        var settings = Map.of("opensAt", Instant.now().toString(), "admitPerMinute", 600, "admissionMinutes", 10);

        for (var response : List.of(admin().put(room, settings), admin().get(room), admin().delete(room))) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("\"waiting\"");
            assertThat(StubServices.lastRequestTo("waiting").path()).isEqualTo(room);
            assertThat(StubServices.lastRequestTo("waiting").headers().getFirst("X-Api-Client"))
                    .isEqualTo("local-admin");
        }
    }

    @Test
    void givesTheWaitingRoomsLongPollsAndStreamsMoreTimeThanOtherCalls() {
        JsonApi ana = customer().api();

        // "slow" is answered after 2 s; the time limit is 1 s here, 45 s for a long poll, none for a stream
        assertThat(ana.get("/api/v1/queue/slow?waitSeconds=2").status()).isEqualTo(200);
        assertThat(ana.get("/api/v1/queue/slow/stream").status()).isEqualTo(200);
        assertThat(ana.get("/api/v1/shows/slow/queue").text("code")).isEqualTo("SERVICE_TIMEOUT");
    }
}
