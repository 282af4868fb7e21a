package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.session;
import static io.ticketing.systemtests.Platform.showOnSale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.ticketing.localstack.Scrape;
import io.ticketing.localstack.ServiceSpec;
import io.ticketing.testsupport.JsonApi;

/**
 * What an operator sees of a hold and a purchase: each step counted by the service that did it, on its management
 * port in Prometheus's format, named one way across services ({@code ticketing_*}, tagged with the application).
 */
@Order(3)
class MetricsSystemTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** How far above its public port a gateway's actuator listens (8080 and 9080, 8180 and 9180 ...). */
    private static final int GATEWAY_MANAGEMENT_OFFSET =
            ServiceSpec.GATEWAY.managementPort() - ServiceSpec.GATEWAY.port();

    @BeforeAll
    static void platform() throws Exception {
        LocalStackProcess.shared();
    }

    @Test
    void aHoldARefusalAndAPurchaseAreCountedWhereTheyHappen() throws Exception {
        String showId = showOnSale("Metropolis", 1, 4, new BigDecimal("8.00"), Duration.ofDays(2));
        var ana = session("metrics.ana." + UUID.randomUUID().toString().substring(0, 8) + "@example.com").api();
        var ben = session("metrics.ben." + UUID.randomUUID().toString().substring(0, 8) + "@example.com").api();
        double taken = value(8082, "ticketing_holds_total", Map.of("outcome", "taken"));
        double refused = value(8082, "ticketing_holds_total", Map.of("outcome", "refused", "code", "SEATS_HELD"));
        double confirmed = value(8083, "ticketing_bookings_total", Map.of("outcome", "confirmed"));
        double paid = value(8085, "ticketing_payments_total", Map.of("outcome", "succeeded"));

        var held = ana.post("/api/v1/shows/" + showId + "/holds", Map.of("seatIds", List.of("A1", "A2")));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(ben.post("/api/v1/shows/" + showId + "/holds", Map.of("seatIds", List.of("A2"))).text("code"))
                .isEqualTo("SEATS_HELD");
        assertThat(value(8082, "ticketing_holds_total", Map.of("outcome", "taken"))).isEqualTo(taken + 1);
        assertThat(value(8082, "ticketing_holds_total", Map.of("outcome", "refused", "code", "SEATS_HELD")))
                .isEqualTo(refused + 1);
        assertThat(value(8082, "ticketing_hold_duration_seconds_count", Map.of("outcome", "taken"))).isPositive();

        String holdId = held.text("holdId");
        var payment = ana.request("POST", "/api/v1/holds/" + holdId + "/payment", null, null);
        assertThat(ana.post("/api/v1/payments/" + payment.text("paymentId") + "/confirm", Map.of("outcome", "succeeded"))
                .status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(ana.get("/api/v1/holds/" + holdId).text("status")));
        await().atMost(Duration.ofSeconds(10)).until(() -> value(8085, "ticketing_payments_total",
                Map.of("outcome", "succeeded")) == paid + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> value(8083, "ticketing_bookings_total",
                Map.of("outcome", "confirmed")) == confirmed + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> value(8086, "ticketing_mails_total",
                Map.of("outcome", "sent")) > 0);

        // the gateways' own (each once it has served a request: the tests talk to the first), and every service's
        // outbox, on the same scrape format
        for (int port : LocalStackProcess.instancePorts(8080)) {
            var gateway = new JsonApi("http://127.0.0.1:" + port).withHeader("X-API-Key", "local-client-key");
            assertThat(gateway.get("/api/v1/shows/" + showId + "/seats").status()).as("gateway on " + port)
                    .isEqualTo(200);
            assertThat(scrape(port + GATEWAY_MANAGEMENT_OFFSET)).contains("application=\"gateway-service\"")
                    .contains("http_server_requests_seconds");
        }
        for (int port : everyInstance(8081, 8082, 8083, 8084, 8085, 8086)) {
            assertThat(scrape(port)).as("port " + port).contains("ticketing_outbox_backlog");
        }
    }

    @Test
    void everyServiceServesTheBillOfMaterialsOfItsJar() throws Exception {
        for (int port : everyInstance(9080, 8081, 8082, 8083, 8084, 8085, 8086)) {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/sbom/application")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("port " + port).isEqualTo(200);
            assertThat(response.body()).as("port " + port).containsPattern("\"bomFormat\"\\s*:\\s*\"CycloneDX\"")
                    .contains("spring-boot");
        }
    }

    /**
     * The sum of a metric's series whose labels include these, over every instance of the service whose first instance
     * listens on {@code port}, as Prometheus would add them up.
     */
    static double value(int port, String metric, Map<String, String> labels) throws Exception {
        double sum = 0;
        for (int instance : LocalStackProcess.instancePorts(port)) {
            sum += Scrape.parse(scrape(instance))
                    .sum(metric, series -> series.entrySet().containsAll(labels.entrySet()));
        }
        return sum;
    }

    /** The ports of every instance of the services whose first instances listen on these. */
    private static List<Integer> everyInstance(int... ports) {
        return IntStream.of(ports).boxed().flatMap(port -> LocalStackProcess.instancePorts(port).stream()).toList();
    }

    static String scrape(int port) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("metrics on port " + port).isEqualTo(200);
        return response.body();
    }
}
