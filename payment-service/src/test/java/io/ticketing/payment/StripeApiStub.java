package io.ticketing.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plays Stripe's API for stripe-java: {@code POST /v1/payment_intents} and {@code POST /v1/refunds}, form-encoded
 * as Stripe takes them, answered with the same object for the same {@code Idempotency-Key} as Stripe does. Every
 * request is kept for the test to look at; {@link #failNext} makes Stripe refuse for a while.
 */
final class StripeApiStub {

    /** A request as Stripe received it: form parameters decoded ({@code metadata[holdId]} as such). */
    record Request(String path, Map<String, String> headers, Map<String, String> form) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpServer server;

    StripeApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/v1/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests(String path, String formKey, String formValue) {
        return requests.stream().filter(request -> request.path().equals(path)
                && formValue.equals(request.form().get(formKey))).toList();
    }

    /** The next {@code count} requests are answered 503 (without retry advice), as during an outage. */
    void failNext(int count) {
        failures.set(count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        var form = new LinkedHashMap<String, String>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        var headers = new LinkedHashMap<String, String>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(path, headers, form));
        if (failures.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
            exchange.getResponseHeaders().add("Stripe-Should-Retry", "false");
            respond(exchange, 503, "{\"error\":{\"type\":\"api_error\",\"message\":\"Stripe is down for a moment\"}}");
            return;
        }
        String key = headers.getOrDefault("idempotency-key", "none-" + ids.incrementAndGet());
        String answer = switch (path) {
            case "/v1/payment_intents" -> answered.computeIfAbsent(key, k -> intent(form));
            case "/v1/refunds" -> answered.computeIfAbsent(key, k -> refund(form));
            default -> null;
        };
        if (answer == null) {
            respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}");
        }
        else {
            respond(exchange, 200, answer);
        }
    }

    private String intent(Map<String, String> form) {
        String id = "pi_3Stub" + String.format("%016d", ids.incrementAndGet());
        var intent = new LinkedHashMap<String, Object>();
        intent.put("id", id);
        intent.put("object", "payment_intent");
        intent.put("amount", Long.parseLong(form.get("amount")));
        intent.put("currency", form.get("currency"));
        intent.put("client_secret", id + "_secret_StubSecret" + ids.get());
        intent.put("metadata", metadata(form));
        intent.put("status", "requires_payment_method");
        return JSON.writeValueAsString(intent);
    }

    private String refund(Map<String, String> form) {
        var refund = new LinkedHashMap<String, Object>();
        refund.put("id", "re_3Stub" + String.format("%016d", ids.incrementAndGet()));
        refund.put("object", "refund");
        refund.put("amount", Long.parseLong(form.get("amount")));
        refund.put("currency", "eur");
        refund.put("metadata", metadata(form));
        refund.put("payment_intent", form.get("payment_intent"));
        refund.put("status", "pending");
        return JSON.writeValueAsString(refund);
    }

    private static Map<String, String> metadata(Map<String, String> form) {
        var metadata = new LinkedHashMap<String, String>();
        form.forEach((name, value) -> {
            if (name.startsWith("metadata[")) {
                metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        return metadata;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_stub");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
