package io.ticketing.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import tools.jackson.databind.JsonNode;

/**
 * Stand-ins for the six services, one HTTP server each, recording the last request that reached them, so
 * tests see exactly what the gateway passed on.
 *
 * <p>{@link #register} points the gateway at a waiting-service that is down (nothing listens on its port), for the
 * tests of what a service that is away costs: its routes, its API document, its dead letters and its health fail as
 * they would, and the gateway, which never read the waiting rooms, refuses the holds of every show with
 * {@code 503 ADMISSION_UNAVAILABLE}, as it would. {@link #registerWithWaitingUp} points it at a waiting-service stub
 * that is up: it answers its public API like the other stubs, and the gate's {@code POST /internal/v1/rooms/gate} with
 * the rooms a test opened ({@link #openRoom}), adding up the holds the reports carried ({@link #reported}); a test
 * may make that endpoint go away ({@link #gateAway}) while everything else keeps answering.
 */
final class StubServices {

    static final List<String> SERVICES = List.of("catalog", "reservation", "booking", "waiting", "payment",
            "notification");
    /** The service {@link #register} points at a closed port. */
    static final String DOWN = "waiting";
    /**
     * A second instance of catalog-service ({@link #registerWithInstances}), whose requests are counted under this
     * name; it never dies in the middle of a request ("crash"), as if the first had died and it had not.
     */
    static final String SECOND_CATALOG = "catalog-2";
    /**
     * An instance of notification-service before its stub ({@link #registerWithInstances}), whose requests are counted
     * under this name: it resets every connection once it has read a request, as a service killed in the middle of one
     * does ("Connection reset by peer").
     */
    static final String RESETTING_NOTIFICATION = "notification-resetting";
    /**
     * Requests whose path or query contains "slow" are answered after this long. Those whose path or query contains
     * "crash" get no answer: the connection closes, like a service dying.
     */
    static final long SLOW_MILLIS = 2000;
    /** Requests whose path or query contains "busy" are answered after this long: well within the time limit. */
    static final long BUSY_MILLIS = 300;
    /** Requests whose path or query contains "fail" are answered with this status, as by a service that failed. */
    static final int FAIL_STATUS = 500;
    private static final String GATE = "/internal/v1/rooms/gate";

    record Received(String path, Headers headers, String body) {
    }

    /** The holds reported for a show, over every report waiting-service accepted. */
    record Reported(long holds, long slow, long errors) {

        static final Reported NONE = new Reported(0, 0, 0);

        Reported plus(Reported more) {
            return new Reported(holds + more.holds, slow + more.slow, errors + more.errors);
        }
    }

    private static final Map<String, Received> last = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private static final Map<UUID, Long> rooms = new ConcurrentHashMap<>();
    private static final Map<UUID, Reported> reported = new ConcurrentHashMap<>();
    private static final AtomicInteger gateCalls = new AtomicInteger();
    private static volatile boolean gateAway;
    /** Holds {@link #downPort} for the whole run; never closed. */
    private static final SocketChannel downInstance = closedPort();
    private static final int downPort = downInstance.socket().getLocalPort();
    private static final Map<String, Integer> ports = startAll();
    private static final int secondCatalogPort = startSecondCatalog();
    private static final int resettingNotificationPort = startResetting();

    private StubServices() {
    }

    /** Points the gateway at the stubs, waiting-service down, and at the test Redis. */
    static void register(DynamicPropertyRegistry registry) {
        registerServices(registry);
        TestInfrastructure.register(registry, null, Component.REDIS);
    }

    /** Points the gateway at the stubs only, waiting-service down, for tests that bring their own Redis. */
    static void registerServices(DynamicPropertyRegistry registry) {
        ports.forEach((service, port) -> registry.add("ticketing.gateway.services." + service,
                () -> "http://127.0.0.1:" + (service.equals(DOWN) ? downPort : port)));
    }

    /**
     * Points the gateway at the stubs, waiting-service up, and at the test Redis. catalog-service has three instances:
     * its stub, one that is down (a closed port) and {@link #SECOND_CATALOG}; notification-service two:
     * {@link #RESETTING_NOTIFICATION} and its stub.
     */
    static void registerWithInstances(DynamicPropertyRegistry registry) {
        ports.forEach((service, port) -> registry.add("ticketing.gateway.services." + service, () -> switch (service) {
            case "catalog" -> "http://127.0.0.1:" + port + ",http://127.0.0.1:" + downPort + ",http://127.0.0.1:"
                    + secondCatalogPort;
            case "notification" -> "http://127.0.0.1:" + resettingNotificationPort + ",http://127.0.0.1:" + port;
            default -> "http://127.0.0.1:" + port;
        }));
        TestInfrastructure.register(registry, null, Component.REDIS);
    }

    /** Points the gateway at the stubs, waiting-service up, and at the test Redis. */
    static void registerWithWaitingUp(DynamicPropertyRegistry registry) {
        ports.forEach((service, port) -> registry.add("ticketing.gateway.services." + service,
                () -> "http://127.0.0.1:" + port));
        TestInfrastructure.register(registry, null, Component.REDIS);
    }

    /** From now on, the gate is told that the holds of {@code showId} need an admission token. */
    static void openRoom(UUID showId, long slowAfterMillis) {
        rooms.put(showId, slowAfterMillis);
    }

    static void closeRoom(UUID showId) {
        rooms.remove(showId);
    }

    /** The holds of {@code showId} that accepted reports carried, all added up. */
    static Reported reported(UUID showId) {
        return reported.getOrDefault(showId, Reported.NONE);
    }

    /** While {@code away}, the gate endpoint closes every connection without an answer; the public API answers. */
    static void gateAway(boolean away) {
        gateAway = away;
    }

    /** How many calls reached the gate endpoint so far, answered or not. */
    static int gateCalls() {
        return gateCalls.get();
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
                started.put(service, start(service));
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return Map.copyOf(started);
    }

    private static int startSecondCatalog() {
        try {
            return start(SECOND_CATALOG);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** {@link #RESETTING_NOTIFICATION}: reads each request's head, counts it, and resets the connection. */
    private static int startResetting() {
        try {
            var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        var head = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        String requestLine = head.readLine();
                        String line = requestLine;
                        while (line != null && !line.isEmpty()) {
                            line = head.readLine(); // the whole head: the request reached the instance
                        }
                        if (requestLine != null) {
                            String path = URI.create(requestLine.split(" ")[1]).getPath();
                            counts.computeIfAbsent(RESETTING_NOTIFICATION + path, key -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                        // closing with a zero linger sends RST instead of FIN: "Connection reset by peer"
                        socket.setSoLinger(true, 0);
                    }
                    catch (IOException ex) {
                        // the gateway went away first: nothing to reset
                    }
                }
            });
            return server.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static int start(String service) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (service.equals("waiting") && exchange.getRequestURI().getPath().equals(GATE)) {
                gate(exchange, received);
                return;
            }
            if (asks(exchange, "slow")) {
                sleep(SLOW_MILLIS);
            }
            if (asks(exchange, "busy")) {
                sleep(BUSY_MILLIS);
            }
            last.put(service, new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), received));
            counts.computeIfAbsent(service + exchange.getRequestURI().getPath(), key -> new AtomicInteger()).incrementAndGet();
            if (asks(exchange, "crash") && !service.equals(SECOND_CATALOG)) {
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
            exchange.sendResponseHeaders(asks(exchange, "fail") ? FAIL_STATUS : 200, body.length);
            if (asks(exchange, "stall")) {
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

    /** Whether the request's path or query names the behaviour {@code keyword} ("slow", "busy", "crash", ...). */
    private static boolean asks(HttpExchange exchange, String keyword) {
        String query = exchange.getRequestURI().getRawQuery();
        return exchange.getRequestURI().getPath().contains(keyword) || query != null && query.contains(keyword);
    }

    /**
     * waiting-service's gate endpoint: adds up the holds the report carries and answers the rooms open now (with a
     * field the gateway does not know, which it must ignore); while the gate is away, closes the connection instead and
     * counts nothing.
     */
    private static void gate(HttpExchange exchange, String report) throws IOException {
        gateCalls.incrementAndGet();
        if (gateAway) {
            exchange.close();
            return;
        }
        for (JsonNode holds : JsonApi.parse(report).path("holds")) {
            reported.merge(UUID.fromString(holds.path("showId").asString()), new Reported(holds.path("holds").asLong(),
                    holds.path("slow").asLong(), holds.path("errors").asLong()), Reported::plus);
        }
        String open = rooms.entrySet().stream()
                .map(room -> "{\"showId\":\"" + room.getKey() + "\",\"slowAfterMillis\":" + room.getValue()
                        + ",\"admitPerMinute\":600}")
                .collect(Collectors.joining(",", "{\"rooms\":[", "],\"version\":1}"));
        byte[] body = open.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
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

    /**
     * A port that refuses connections for as long as the tests run: bound but never listening, so that nothing else
     * (the gateway's own random port, once) can take it. A port found free and let go was taken by the gateway itself
     * in one run, and "the instance that is down" answered 401.
     */
    private static SocketChannel closedPort() {
        try {
            return SocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
