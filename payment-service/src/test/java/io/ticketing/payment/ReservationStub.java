package io.ticketing.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plays reservation-service's internal hold endpoints: {@code GET /internal/v1/holds/{id}} and
 * {@code POST /internal/v1/holds/{id}/payment-pending} (200 for a held or pending hold, 409 {@code HOLD_NOT_ACTIVE}
 * otherwise), counting the calls of the latter.
 */
final class ReservationStub {

    /** A hold as reservation-service priced it. */
    record Hold(UUID holdId, UUID showId, UUID customerId, List<String> seatIds, String status, Instant expiresAt,
            long fencingToken, BigDecimal amount, String currency) {

        Hold withStatus(String changed) {
            return new Hold(holdId, showId, customerId, seatIds, changed, expiresAt, fencingToken, amount, currency);
        }

        Hold expiringAt(Instant changed) {
            return new Hold(holdId, showId, customerId, seatIds, status, changed, fencingToken, amount, currency);
        }

        Hold pricedAt(BigDecimal changedAmount, String changedCurrency) {
            return new Hold(holdId, showId, customerId, seatIds, status, expiresAt, fencingToken, changedAmount,
                    changedCurrency);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ReservationStub SHARED = new ReservationStub();

    private final Map<UUID, Hold> holds = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> pendingCalls = new ConcurrentHashMap<>();
    private final HttpServer server;

    /** One stub per test JVM, so that test classes share one application context. */
    static ReservationStub shared() {
        return SHARED;
    }

    private ReservationStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/internal/v1/holds/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new hold of seats A1 and A2 of a new show for 23.00 EUR, held for five more minutes. */
    Hold holdFor(UUID customerId) {
        return holdFor(customerId, UUID.randomUUID());
    }

    Hold holdFor(UUID customerId, UUID showId) {
        return put(new Hold(UUID.randomUUID(), showId, customerId, List.of("A1", "A2"), "HELD",
                Instant.now().plusSeconds(300), ThreadLocalRandom.current().nextLong(1, 1_000_000),
                new BigDecimal("23.00"), "EUR"));
    }

    Hold put(Hold hold) {
        holds.put(hold.holdId(), hold);
        return hold;
    }

    Hold hold(UUID holdId) {
        return holds.get(holdId);
    }

    int paymentPendingCalls(UUID holdId) {
        return pendingCalls.getOrDefault(holdId, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        Hold hold = holds.get(UUID.fromString(path[4]));
        if (hold == null) {
            respond(exchange, 404, Map.of("code", "HOLD_NOT_FOUND"));
        }
        else if (path.length == 5 && exchange.getRequestMethod().equals("GET")) {
            respond(exchange, 200, json(hold));
        }
        else if (path.length == 6 && path[5].equals("payment-pending") && exchange.getRequestMethod().equals("POST")) {
            pendingCalls.computeIfAbsent(hold.holdId(), id -> new AtomicInteger()).incrementAndGet();
            if (hold.status().equals("HELD") || hold.status().equals("PAYMENT_PENDING")) {
                respond(exchange, 200, json(put(hold.withStatus("PAYMENT_PENDING"))));
            }
            else {
                respond(exchange, 409, Map.of("status", 409, "code", "HOLD_NOT_ACTIVE"));
            }
        }
        else {
            respond(exchange, 404, Map.of("code", "NOT_FOUND"));
        }
    }

    private static Map<String, Object> json(Hold hold) {
        var body = new LinkedHashMap<String, Object>();
        body.put("holdId", hold.holdId());
        body.put("showId", hold.showId());
        body.put("customerId", hold.customerId());
        body.put("seatIds", hold.seatIds());
        body.put("status", hold.status());
        body.put("expiresAt", hold.expiresAt().toString());
        body.put("fencingToken", hold.fencingToken());
        body.put("amount", hold.amount());
        body.put("currency", hold.currency());
        return body;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
