package io.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.OpenApiSnapshot;

/**
 * Routes every path of the public contract to the service that owns it, against stand-in services that
 * record what reached them; a service that is down yields a 503 problem, an unknown path a 404 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ticketing.gateway.response-timeout=1s")
class GatewayRoutingIntegrationTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.register(registry);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Autowired
    List<NettyRoutingFilter> routingFilters;

    @Value("${local.management.port}")
    int managementPort;

    private JsonApi anonymous() {
        return new JsonApi("http://127.0.0.1:" + port);
    }

    /** An admin key with a session of a new customer: allowed everywhere. */
    private JsonApi admin() {
        var api = anonymous().withHeader("X-API-Key", "local-admin-key");
        String token = api.post("/api/v1/admin/sessions", Map.of("email", "admin-" + UUID.randomUUID() + "@example.com")).text("token");
        return api.withHeader("Authorization", "Bearer " + token);
    }

    @Test
    void routesEveryContractPathToItsOwner() {
        Map<String, String> owners = Map.ofEntries(
                Map.entry("/api/v1/cities", "catalog"),
                Map.entry("/api/v1/cities/c1/movies", "catalog"),
                Map.entry("/api/v1/cities/c1/movies/m1/shows", "catalog"),
                Map.entry("/api/v1/search", "catalog"),
                Map.entry("/api/v1/movies/m1", "catalog"),
                Map.entry("/api/v1/cinemas/c1", "catalog"),
                Map.entry("/api/v1/admin/cities", "catalog"),
                Map.entry("/api/v1/admin/cinemas/c1/halls", "catalog"),
                Map.entry("/api/v1/admin/movies", "catalog"),
                Map.entry("/api/v1/admin/shows", "catalog"),
                Map.entry("/api/v1/admin/shows/s1/blocked-seats", "reservation"),
                Map.entry("/api/v1/admin/shows/s1/sales", "booking"),
                Map.entry("/api/v1/shows/s1/seats", "reservation"),
                Map.entry("/api/v1/shows/s1/seats/stream", "reservation"),
                Map.entry("/api/v1/shows/s1/holds", "reservation"),
                Map.entry("/api/v1/no-op", "reservation"),
                Map.entry("/api/v1/holds/h1", "reservation"),
                Map.entry("/api/v1/holds/h1/payment", "payment"),
                Map.entry("/api/v1/payments/p1/confirm", "payment"),
                Map.entry("/api/v1/payments/webhooks/stripe", "payment"),
                Map.entry("/api/v1/bookings", "booking"),
                Map.entry("/api/v1/bookings/b1", "booking"),
                Map.entry("/api/v1/bookings/b1/cancel", "booking"),
                Map.entry("/api/v1/bookings/b1/tickets.pdf", "notification"),
                Map.entry("/api/v1/tickets/public-key", "notification"),
                Map.entry("/api/v1/tickets/verify", "notification"));
        JsonApi admin = admin();
        for (var route : owners.entrySet()) {
            var response = admin.get(route.getKey());
            assertThat(response.status()).as(route.getKey()).isEqualTo(200);
            assertThat(response.body()).as(route.getKey()).contains("\"" + route.getValue() + "\"");
            assertThat(StubServices.lastRequestTo(route.getValue()).path()).isEqualTo(route.getKey());
        }
    }

    @Test
    void passesOnTheClientsRequestIdAndReturnsIt() {
        var response = admin().withHeader("X-Request-Id", "trace-123").get("/api/v1/cities");
        assertThat(response.headers().allValues("X-Request-Id")).as("once, though the service returns it too")
                .containsExactly("trace-123");
        assertThat(StubServices.lastRequestTo("catalog").headers().getFirst("X-Request-Id")).isEqualTo("trace-123");
    }

    @Test
    void passesTheTraceOnAsTheGatewaysOwnSpanInTheCallersTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        admin().withHeader("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").get("/api/v1/cities");
        assertThat(StubServices.lastRequestTo("catalog").headers().get("traceparent")).singleElement()
                .asString().matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");

        admin().get("/api/v1/cities");
        assertThat(StubServices.lastRequestTo("catalog").headers().getFirst("traceparent"))
                .as("a trace of its own").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}").doesNotContain(traceId);
    }

    @Test
    void keepsTheClientsHopByHopAndForwardedHeadersFromTheService() {
        assertThat(routingFilters.getFirst().getHeadersFilters())
                .as("one copy of a request's headers for all of it, no gRPC filter")
                .extracting(filter -> filter.getClass().getSimpleName())
                .contains("ServiceHeaders").doesNotContain("RemoveForwardedHeadersFilter",
                        "RemoveXForwardedHeadersFilter", "TraceContextHeaders", "GRPCRequestHeadersFilter",
                        "GRPCResponseHeadersFilter");

        admin().withHeader("Keep-Alive", "timeout=5").withHeader("Proxy-Authorization", "Basic eA==")
                .withHeader("Forwarded", "for=10.0.0.1").withHeader("X-Forwarded-For", "10.0.0.2")
                .withHeader("X-Forwarded-Host", "evil.example").withHeader("Accept-Language", "fr")
                .get("/api/v1/cities");

        var received = StubServices.lastRequestTo("catalog").headers();
        assertThat(received.keySet().stream().map(String::toLowerCase))
                .doesNotContain("keep-alive", "proxy-authorization", "forwarded", "x-forwarded-for",
                        "x-forwarded-host", "authorization");
        assertThat(received.getFirst("Accept-Language")).isEqualTo("fr");
        assertThat(received.getFirst("traceparent")).isNotNull();
    }

    @Test
    void replacesAnUnsafeRequestId() {
        var response = admin().withHeader("X-Request-Id", "bad id;drop").get("/api/v1/cities");
        String returned = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(returned).matches("[0-9a-f-]{36}");
        assertThat(StubServices.lastRequestTo("catalog").headers().getFirst("X-Request-Id")).isEqualTo(returned);
    }

    @Test
    void answersA503ProblemWhenTheServiceIsDown() {
        var response = admin().get("/api/v1/waitlist/w1");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void refusesHoldsUntilItHasReadTheWaitingRooms() {
        var refused = admin().post("/api/v1/shows/" + UUID.randomUUID() + "/holds", Map.of("seatIds", List.of("A1")));
        assertThat(refused.status()).as("waiting-service has been down since the gateway started").isEqualTo(503);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.text("code")).isEqualTo("ADMISSION_UNAVAILABLE");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");

        var noShowsId = admin().post("/api/v1/shows/s1/holds", Map.of("seatIds", List.of("A1")));
        assertThat(noShowsId.status()).as("a path naming no show's id is the service's to answer").isEqualTo(200);
        assertThat(StubServices.lastRequestTo("reservation").path()).isEqualTo("/api/v1/shows/s1/holds");
    }

    @Test
    void answersA503ProblemWhenTheServiceDiesBeforeAnswering() {
        var response = admin().get("/api/v1/movies/crash");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void answersA504ProblemWhenTheServiceIsTooSlow() {
        var response = admin().get("/api/v1/movies/slow");
        assertThat(response.status()).isEqualTo(504);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("SERVICE_TIMEOUT");
    }

    @Test
    void answersA504ProblemWhenTheServiceStallsAfterItsHeaders() {
        assertThat(routingFilters).as("one routing filter, the gateway's own").singleElement()
                .extracting(filter -> filter.getClass().getSimpleName()).isEqualTo("ServiceRouting");
        var response = admin().get("/api/v1/movies/stall");
        assertThat(response.status()).as("the service's headers came in time, its body too late").isEqualTo(504);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("SERVICE_TIMEOUT");
    }

    @Test
    void passesManyConcurrentRequestsToOneServiceWithoutRefusingAny() throws Exception {
        int clients = 80;
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                String path = "/api/v1/cinemas/busy-" + i;
                statuses.add(pool.submit(() -> admin().get(path).status()));
            }
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        assertThat(circuitBreakers.circuitBreaker("catalog").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void letsEventStreamsRunLongerThanTheTimeLimit() {
        for (String stream : new String[] { "/api/v1/shows/slow/seats/stream", "/api/v1/shows/stall/seats/stream" }) {
            var response = admin().get(stream);
            assertThat(response.status()).as(stream).isEqualTo(200);
            assertThat(response.body()).contains("reservation");
        }
    }

    @Test
    void keepsLongPollsOfTheWaitingListOutOfTheCircuitBreaker() {
        for (int i = 0; i < 12; i++) {
            assertThat(admin().get("/api/v1/waitlist/poll" + i + "?waitSeconds=30").status()).isEqualTo(503);
        }
        assertThat(circuitBreakers.circuitBreaker("waiting").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void opensTheCircuitOfAServiceThatKeepsFailing() {
        for (int i = 0; i < 12; i++) {
            assertThat(admin().delete("/api/v1/waitlist/w" + i).status()).isEqualTo(503);
        }
        assertThat(circuitBreakers.circuitBreaker("waiting").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        var rejected = admin().delete("/api/v1/waitlist/w1");
        assertThat(rejected.status()).isEqualTo(503);
        assertThat(rejected.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(circuitBreakers.circuitBreaker("catalog").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void servesTheWholePlatformsApiAsOneDocument() {
        var docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().path("paths");
        assertThat(paths.has("/api/v1/sessions")).isTrue();
        assertThat(paths.has("/api/v1/catalog-things")).isTrue();
        assertThat(paths.path("/api/v1/booking-things").path("get").path("responses").path("200").path("content")
                .path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/booking.Thing");
        assertThat(docs.json().path("components").path("schemas").has("catalog.Thing")).isTrue();
        assertThat(docs.json().path("x-unavailable").get(0).asString()).isEqualTo(StubServices.DOWN);
        assertThat(anonymous().get("/swagger-ui.html").status()).isIn(200, 302);

        int asked = StubServices.requestsTo("catalog", "/v3/api-docs");
        for (int i = 0; i < 20; i++) {
            assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(200);
        }
        assertThat(StubServices.requestsTo("catalog", "/v3/api-docs") - asked)
                .as("the merged document is kept, not rebuilt for every request").isLessThanOrEqualTo(1);
    }

    @Test
    void publishesItsOwnApiExactlyAsSnapshotted() {
        OpenApiSnapshot.verify(anonymous().get("/v3/api-docs/gateway").json(),
                java.nio.file.Path.of("src/test/resources/openapi.json"));
    }

    @Test
    void gathersEveryServicesDeadLettersAndPassesAnOperatorsActionToTheServiceThatKeepsOne() {
        var all = admin().get("/api/v1/admin/dead-letters");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("deadLetters").valueStream().map(letter -> letter.path("service").asString()))
                .containsExactlyInAnyOrder("catalog", "reservation", "booking", "payment", "notification");
        assertThat(all.json().path("unreachable").toString()).isEqualTo("[\"waiting\"]");
        assertThat(StubServices.lastRequestTo("booking").path()).isEqualTo("/internal/v1/dead-letters");

        String id = java.util.UUID.randomUUID().toString();
        assertThat(admin().get("/api/v1/admin/dead-letters/booking/" + id).status()).isEqualTo(200);
        assertThat(StubServices.lastRequestTo("booking").path()).isEqualTo("/internal/v1/dead-letters/" + id);
        assertThat(admin().request("POST", "/api/v1/admin/dead-letters/payment/" + id + "/replay", null, null).status())
                .isEqualTo(200);
        assertThat(StubServices.lastRequestTo("payment").path()).isEqualTo("/internal/v1/dead-letters/" + id + "/replay");
        assertThat(admin().delete("/api/v1/admin/dead-letters/catalog/" + id).status()).isEqualTo(200);
        assertThat(StubServices.lastRequestTo("catalog").path()).isEqualTo("/internal/v1/dead-letters/" + id);

        assertThat(admin().get("/api/v1/admin/dead-letters/nowhere/" + id).text("code")).isEqualTo("SERVICE_NOT_FOUND");
        assertThat(admin().get("/api/v1/admin/dead-letters/waiting/" + id).text("code")).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(admin().get("/api/v1/admin/dead-letters/booking/not-an-id").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/admin/dead-letters/booking/%20").text("code")).isEqualTo("INVALID_PARAMETER");
        assertThat(admin().get("/api/v1/admin/dead-letters?status=LOST").status()).isEqualTo(400);
        var client = anonymous().withHeader("X-API-Key", "local-client-key").get("/api/v1/admin/dead-letters");
        assertThat(client.status()).isEqualTo(403);
    }

    @Test
    void answersA404ProblemForAnUnknownPath() {
        var response = admin().get("/api/v1/nothing-here");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void reportsEachServicesReadinessInItsHealthOnTheManagementPortOnly() {
        var management = new JsonApi("http://127.0.0.1:" + managementPort);
        var health = management.get("/actuator/health");
        assertThat(health.json().path("components").path("services").path("components").path("waiting")
                .path("status").asString()).isEqualTo("DOWN");
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
        for (String path : List.of("/actuator/health", "/actuator/metrics", "/actuator/info", "/actuator/prometheus")) {
            assertThat(anonymous().get(path).status()).as("the public port's " + path).isEqualTo(404);
        }
    }

    @Test
    void servesItsMetricsToPrometheusOnTheManagementPortOnly() throws Exception {
        assertThat(admin().get("/api/v1/cities").status()).isEqualTo(200);

        HttpResponse<String> scrape = prometheus(managementPort);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain"));
        assertThat(scrape.body()).contains("http_server_requests_seconds_count{")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*application=\"gateway-service\"");
        assertThat(prometheus(port).statusCode()).as("the public port").isEqualTo(404);
    }

    private static HttpResponse<String> prometheus(int port) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
