package io.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

/**
 * Routes every path of the public contract to the service that owns it, against stand-in services that
 * record what reached them; a service that is down yields a 503 problem, an unknown path a 404 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIntegrationTest {

    private static final List<String> SERVICES = List.of("catalog", "reservation", "booking", "waiting", "payment",
            "notification");
    private static final Map<String, String> lastPathBy = new ConcurrentHashMap<>();
    private static final Map<String, String> lastRequestIdBy = new ConcurrentHashMap<>();
    private static final Map<String, HttpServer> backends = new ConcurrentHashMap<>();

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        for (String service : SERVICES) {
            if (service.equals("waiting")) {
                // waiting-service stays down: its address is a port nobody listens on
                int closed = closedPort();
                registry.add("ticketing.gateway.services.waiting", () -> "http://127.0.0.1:" + closed);
                continue;
            }
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                lastPathBy.put(service, exchange.getRequestURI().getPath());
                lastRequestIdBy.put(service, String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
                byte[] body = ("{\"service\":\"" + service + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            backends.put(service, server);
            registry.add("ticketing.gateway.services." + service,
                    () -> "http://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    @AfterAll
    static void stopBackends() {
        backends.values().forEach(server -> server.stop(0));
    }

    @Test
    void routesEveryContractPathToItsOwner() throws Exception {
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
                Map.entry("/api/v1/holds/h1", "reservation"),
                Map.entry("/api/v1/holds/h1/payment", "payment"),
                Map.entry("/api/v1/payments/p1/confirm", "payment"),
                Map.entry("/api/v1/payments/webhooks/stripe", "payment"),
                Map.entry("/api/v1/bookings", "booking"),
                Map.entry("/api/v1/bookings/b1", "booking"),
                Map.entry("/api/v1/bookings/b1/cancel", "booking"),
                Map.entry("/api/v1/bookings/b1/tickets.pdf", "notification"));
        for (var route : owners.entrySet()) {
            HttpResponse<String> response = get(route.getKey(), Map.of());
            assertThat(response.statusCode()).as(route.getKey()).isEqualTo(200);
            assertThat(response.body()).as(route.getKey()).contains("\"" + route.getValue() + "\"");
            assertThat(lastPathBy.get(route.getValue())).isEqualTo(route.getKey());
        }
    }

    @Test
    void passesOnTheClientsRequestIdAndReturnsIt() throws Exception {
        HttpResponse<String> response = get("/api/v1/cities", Map.of("X-Request-Id", "trace-123"));
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-123");
        assertThat(lastRequestIdBy.get("catalog")).isEqualTo("trace-123");
    }

    @Test
    void replacesAnUnsafeRequestId() throws Exception {
        HttpResponse<String> response = get("/api/v1/cities", Map.of("X-Request-Id", "bad id\u00e9"));
        String returned = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(returned).matches("[0-9a-f-]{36}");
        assertThat(lastRequestIdBy.get("catalog")).isEqualTo(returned);
    }

    @Test
    void answersA503ProblemWhenTheServiceIsDown() throws Exception {
        HttpResponse<String> response = get("/api/v1/waitlist/w1", Map.of());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
    }

    @Test
    void answersA404ProblemForAnUnknownPath() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here", Map.of());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void reportsEachServicesReadinessInItsHealth() throws Exception {
        HttpResponse<String> response = get("/actuator/health", Map.of());
        assertThat(response.body()).contains("\"services\"").contains("\"waiting\":{\"status\":\"DOWN\"");
        HttpResponse<String> readiness = get("/actuator/health/readiness", Map.of());
        assertThat(readiness.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
