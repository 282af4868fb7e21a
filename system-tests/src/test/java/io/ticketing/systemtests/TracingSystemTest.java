package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.session;
import static io.ticketing.systemtests.Platform.showOnSale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.ticketing.localstack.infra.SpanTree;
import io.ticketing.localstack.infra.TraceCatcher;

/**
 * One trace per request, across every service it reaches: the gateway's span, the service's, the outbox's send to
 * Kafka and each consumer's handling of the event, in the services' OTLP export as the local stack's trace catcher
 * kept it; and the trace id in the gateway's access log next to the request id.
 */
@Order(3)
class TracingSystemTest {

    private static final Path TRACES = LocalStackProcess.home().resolve(".local/traces");
    private static final Path LOGS = LocalStackProcess.home().resolve(".local/logs");

    @BeforeAll
    static void platform() throws Exception {
        LocalStackProcess.shared();
    }

    @Test
    void aHoldAndAPurchaseAreEachOneTraceAcrossTheServicesAndKafka() throws Exception {
        String showId = showOnSale("Nosferatu", 1, 4, new BigDecimal("9.00"), Duration.ofDays(2));
        var ana = session("tracing.ana." + UUID.randomUUID().toString().substring(0, 8) + "@example.com").api();

        String holdTrace = newTraceId();
        var held = ana.withHeader("traceparent", traceparent(holdTrace))
                .post("/api/v1/shows/" + showId + "/holds", Map.of("seatIds", List.of("A1", "A2")));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String holdId = held.text("holdId");
        var payment = ana.request("POST", "/api/v1/holds/" + holdId + "/payment", null, null);
        assertThat(payment.status()).as(payment.body()).isEqualTo(201);

        String purchaseTrace = newTraceId();
        var confirmed = ana.withHeader("traceparent", traceparent(purchaseTrace))
                .post("/api/v1/payments/" + payment.text("paymentId") + "/confirm", Map.of("outcome", "succeeded"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(ana.get("/api/v1/holds/" + holdId).text("status")));

        // the hold: gateway, then reservation-service, which sends its hold event to Kafka
        SpanTree hold = awaitTrace(holdTrace, List.of("gateway-service", "reservation-service"));
        assertThat(names(hold, "reservation-service")).anyMatch(name -> name.contains("send"));
        assertThat(hold.roots()).as(tree(hold)).hasSize(1);
        assertThat(hold.roots().getFirst().get("service")).isEqualTo("gateway-service");

        // the purchase: gateway, payment-service, then through Kafka to booking-service (which confirms the booking),
        // on to notification-service (the ticket mail) and reservation-service (the seats sold)
        SpanTree purchase = awaitTrace(purchaseTrace, List.of("gateway-service", "payment-service", "booking-service",
                "notification-service", "reservation-service"));
        assertThat(purchase.roots()).as(tree(purchase)).hasSize(1);
        assertThat(kinds(purchase, "booking-service")).as(tree(purchase)).contains("CONSUMER", "PRODUCER");
        assertThat(kinds(purchase, "notification-service")).as(tree(purchase)).contains("CONSUMER");
        assertThat(kinds(purchase, "payment-service")).as(tree(purchase)).contains("SERVER", "PRODUCER");

        // the gateway's access log names the trace next to the request id (the services' log lines too, in their
        // pattern, but only the access log is written for every request)
        String requestId = confirmed.headers().firstValue("X-Request-Id").orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> logLines("gateway-service").stream()
                .anyMatch(line -> line.contains("requestId=" + requestId) && line.contains("traceId=" + purchaseTrace)));
    }

    /**
     * The trace once every one of {@code services} is in it and its spans form one tree: each service exports its spans
     * in its own batches, so a consumer's span may come before the span of the producer it follows (in one CI run,
     * booking-service's span of a ticket event was read without its parent: a second root).
     */
    private static SpanTree awaitTrace(String traceId, List<String> services) {
        Path file = TraceCatcher.traceFile(TRACES, traceId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(file).exists();
            SpanTree trace = SpanTree.read(file);
            assertThat(trace.services()).as(tree(trace)).containsAll(services);
            assertThat(trace.roots()).as(tree(trace)).hasSize(1);
        });
        return SpanTree.read(file);
    }

    private static List<String> names(SpanTree tree, String service) {
        return tree.spans().stream().filter(span -> service.equals(span.get("service")))
                .map(span -> (String) span.get("name")).toList();
    }

    private static List<String> kinds(SpanTree tree, String service) {
        return tree.spans().stream().filter(span -> service.equals(span.get("service")))
                .map(span -> (String) span.get("kind")).toList();
    }

    private static String tree(SpanTree tree) {
        List<String> lines = new ArrayList<>();
        tree.walk((depth, span) -> lines.add("  ".repeat(depth) + span.get("service") + " " + span.get("kind") + " "
                + span.get("name")));
        return String.join("\n", lines);
    }

    private static List<String> logLines(String service) throws Exception {
        Path log = LOGS.resolve(service + ".log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private static String newTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** A sampled W3C trace context, as a client (a browser with tracing, a load test) may send. */
    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
    }
}
