package io.ticketing.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;

/**
 * Stand-ins for the six services, one HTTP server each, recording the last request that reached them, so
 * tests see exactly what the gateway passed on. waiting-service is deliberately down.
 */
final class StubServices {

    static final List<String> SERVICES = List.of("catalog", "reservation", "booking", "waiting", "payment",
            "notification");
    static final String DOWN = "waiting";
    /** Requests whose path contains "slow" are answered after this long. */
    static final long SLOW_MILLIS = 2000;
    /** Requests whose path contains "crash" get no answer: the connection is closed, as by a service that died. */
    /** Requests whose path contains "busy" are answered after this long: well within the time limit. */
    static final long BUSY_MILLIS = 300;

    record Received(String path, Headers headers, String body) {
    }

    private static final Map<String, Received> last = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private static final Map<String, Integer> ports = startAll();

    private StubServices() {
    }

    /** Points the gateway at the stubs and at the test Redis. */
    static void register(DynamicPropertyRegistry registry) {
        registerServices(registry);
        TestInfrastructure.register(registry, null, Component.REDIS);
    }

    /** Points the gateway at the stubs only, for tests that bring their own Redis. */
    static void registerServices(DynamicPropertyRegistry registry) {
        ports.forEach((service, port) -> registry.add("ticketing.gateway.services." + service,
                () -> "http://127.0.0.1:" + port));
    }

    static Received lastRequestTo(String service) {
        return last.get(service);
    }

    /** How many requests for {@code path} reached {@code service} so far. */
    static int requestsTo(String service, String path) {
        return counts.getOrDefault(service + path, new AtomicInteger()).get();
    }

    private static Map<String, Integer> startAll() {
        Map<String, Integer> started = new ConcurrentHashMap<>();
        try {
            for (String service : SERVICES) {
                started.put(service, service.equals(DOWN) ? closedPort() : start(service));
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return Map.copyOf(started);
    }

    private static int start(String service) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().contains("slow")) {
                sleep(SLOW_MILLIS);
            }
            if (exchange.getRequestURI().getPath().contains("busy")) {
                sleep(BUSY_MILLIS);
            }
            last.put(service, new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), received));
            counts.computeIfAbsent(service + exchange.getRequestURI().getPath(), key -> new AtomicInteger()).incrementAndGet();
            if (exchange.getRequestURI().getPath().contains("crash")) {
                // the service dies in the middle of the request: the connection closes without an answer
                exchange.close();
                return;
            }
            byte[] body = (exchange.getRequestURI().getPath().equals("/v3/api-docs") ? apiDocs(service)
                    : "{\"service\":\"" + service + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            // services return the request id they were given, as the service starter's filter does
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                exchange.getResponseHeaders().add("X-Request-Id", requestId);
            }
            exchange.sendResponseHeaders(200, body.length);
            if (exchange.getRequestURI().getPath().contains("stall")) {
                // the headers go out, then the service stalls (paused, starved of CPU) before its body
                exchange.getResponseBody().flush();
                sleep(SLOW_MILLIS);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server.getAddress().getPort();
    }

    /** A minimal OpenAPI document: one path answering with a schema named Thing. */
    private static String apiDocs(String service) {
        return """
                {"openapi": "3.1.0", "info": {"title": "%s", "version": "v1"},
                 "paths": {"/api/v1/%s-things": {"get": {"responses": {"200": {"description": "ok",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
                 "components": {"schemas": {"Thing": {"type": "object"}}}}
                """.formatted(service, service);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
