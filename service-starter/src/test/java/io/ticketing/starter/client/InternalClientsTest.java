package io.ticketing.starter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.ticketing.identity.CallerSignatures;
import io.ticketing.starter.RequestRejectedException;

/** Clients of another service, played by a real HTTP server on a local port. */
class InternalClientsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    /** Where every answer but a 200 says the thing went: followed, it would answer. */
    private static final String MOVED = "/internal/v1/things/moved";
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @HttpExchange("/internal/v1/things/{id}")
    interface ThingClient {

        record Thing(String name) {
        }

        @GetExchange
        Thing thing(@PathVariable String id);

        @PostExchange
        Thing touch(@PathVariable String id);
    }

    private final CallerSignatures signatures = new CallerSignatures(CallerSignatures.LOCAL_SECRET);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final InternalClients clients = new InternalClients(new InternalCaller("test-service", signatures,
            Clock.fixed(NOW, ZoneOffset.UTC), meters, observations),
            RestClient.builder().observationRegistry(observations));
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server = server();
    private volatile int status = 200;
    private volatile String body = "{\"name\":\"lamp\"}";
    private volatile Duration delay = Duration.ZERO;
    private volatile String path;
    private volatile Headers headers;

    @AfterEach
    void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private HttpServer server() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            created.createContext("/", exchange -> {
                path = exchange.getRequestURI().getPath();
                headers = exchange.getRequestHeaders();
                boolean moved = path.equals(MOVED);
                try {
                    Thread.sleep(delay);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Location", MOVED);
                exchange.sendResponseHeaders(moved ? 200 : status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            created.setExecutor(handlers); // a slow answer holds its own thread, not the server's
            created.start();
            return created;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private ThingClient client(int port, Duration timeout, HttpStatus... outcomes) {
        return clients.create(ThingClient.class, "http://127.0.0.1:" + port, timeout, Set.of(outcomes),
                () -> RequestRejectedException.unavailable("THINGS_UNAVAILABLE", "Try again"));
    }

    private ThingClient client(Duration timeout, HttpStatus... outcomes) {
        return client(server.getAddress().getPort(), timeout, outcomes);
    }

    private ThingClient client() {
        return client(Duration.ofSeconds(5));
    }

    @Test
    void signsEachRequestAsThisServiceAndAsksForJson() {
        assertThat(client().thing("a1")).isEqualTo(new ThingClient.Thing("lamp"));

        assertThat(path).isEqualTo("/internal/v1/things/a1");
        assertThat(headers.getFirst(CallerSignatures.CALLER_HEADER)).isEqualTo("test-service");
        assertThat(signatures.verify(new CallerSignatures.Identity("test-service", null, null, null),
                headers.getFirst(CallerSignatures.SIGNATURE_HEADER), NOW.getEpochSecond())).isTrue();
        assertThat(headers.getFirst("Accept")).isEqualTo("application/json");
    }

    @Test
    void aServiceThatCannotBeReachedIsTheCallersProblem() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        assertThatThrownBy(() -> client(closed, Duration.ofSeconds(5)).thing("a1")).isInstanceOfSatisfying(RequestRejectedException.class,
                rejected -> {
                    assertThat(rejected.reason()).isEqualTo(RequestRejectedException.Reason.UNAVAILABLE);
                    assertThat(rejected.code()).isEqualTo("THINGS_UNAVAILABLE");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = { 302, 400, 404, 409, 500, 503 })
    void anUnexpectedStatusIsTheCallersProblem(int answered) {
        status = answered;

        assertThatThrownBy(() -> client().thing("a1")).isInstanceOfSatisfying(RequestRejectedException.class,
                rejected -> assertThat(rejected.code()).isEqualTo("THINGS_UNAVAILABLE"));
    }

    @Test
    void anOutcomeStatusIsLeftToTheCaller() {
        status = 404;

        assertThatThrownBy(() -> client(Duration.ofSeconds(5), HttpStatus.NOT_FOUND, HttpStatus.CONFLICT).thing("a1"))
                .isInstanceOf(HttpClientErrorException.NotFound.class);
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsTheCallersProblem() {
        delay = Duration.ofSeconds(2);
        long started = System.nanoTime();

        assertThatThrownBy(() -> client(Duration.ofMillis(200)).thing("a1"))
                .isInstanceOfSatisfying(RequestRejectedException.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("THINGS_UNAVAILABLE"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(delay);
    }

    @Test
    void spreadsTheCallsOverTheInstancesInTurn() {
        HttpServer second = named("second");
        try {
            ThingClient client = client(url(server) + "," + url(second));
            List<String> answered = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answered.add((i % 2 == 0 ? client.thing("a" + i) : client.touch("a" + i)).name());
            }

            assertThat(answered).containsOnly("lamp", "second").filteredOn("second"::equals).hasSize(5);
        }
        finally {
            second.stop(0);
        }
    }

    @Test
    void aCallThatNeverReachedItsInstanceGoesToTheNextWhateverItsMethod() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        ThingClient client = client("http://127.0.0.1:" + closed + "," + url(server));

        for (int i = 0; i < 4; i++) {
            assertThat(client.thing("a" + i).name()).isEqualTo("lamp");
            assertThat(client.touch("b" + i).name()).isEqualTo("lamp");
        }
        assertThatThrownBy(() -> client("http://127.0.0.1:" + closed + ",http://127.0.0.1:" + closed).thing("a1"))
                .as("every instance refused").isInstanceOf(RequestRejectedException.class);
    }

    /**
     * An instance that takes the connection and closes it without an answer may have done the work: an idempotent call
     * goes to the next instance, any other is the caller's problem and is not sent again.
     */
    @Test
    void aBrokenConnectionMovesOnlyIdempotentCallsOn() throws Exception {
        var accepted = new AtomicInteger();
        try (var breaking = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!breaking.isClosed()) {
                    try (var connection = breaking.accept()) {
                        accepted.incrementAndGet();
                        connection.getInputStream().read(new byte[256]);
                    }
                    catch (IOException ex) {
                        // closed by the test
                    }
                }
            });
            ThingClient client = client("http://127.0.0.1:" + breaking.getLocalPort() + "," + url(server));
            path = null;

            assertThatThrownBy(() -> client.touch("b1")).isInstanceOfSatisfying(RequestRejectedException.class,
                    rejected -> assertThat(rejected.code()).isEqualTo("THINGS_UNAVAILABLE"));
            assertThat(path).as("not sent again").isNull();
            assertThat(accepted).as("sent once").hasValue(1);
            assertThat(client.touch("b2").name()).as("the other instance's turn").isEqualTo("lamp");
            assertThat(client.thing("a1").name()).isEqualTo("lamp");
            // the JDK's HttpURLConnection itself sends a GET once more on a connection that broke
            assertThat(accepted).as("the GET reached the breaking instance").hasValueGreaterThan(1);
            assertThat(path).isEqualTo("/internal/v1/things/a1");
        }
    }

    @Test
    void refusesInstancesThatDifferInMoreThanTheirAddress() {
        assertThatThrownBy(() -> client("http://127.0.0.1:1/a,http://127.0.0.1:2/b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme, host and port only");
    }

    private ThingClient client(String baseUrls) {
        return clients.create(ThingClient.class, baseUrls, Duration.ofSeconds(5), Set.of(),
                () -> RequestRejectedException.unavailable("THINGS_UNAVAILABLE", "Try again"));
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Another instance, which answers every call with a thing of its own name. */
    private HttpServer named(String name) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            created.createContext("/", exchange -> {
                byte[] bytes = ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            created.setExecutor(handlers);
            created.start();
            return created;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void eachCallIsTimedAndCarriesTheTraceContext() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters))
                // what a tracing handler does at the start of a client span: the span's context into the request
                .observationHandler(new ObservationHandler<ClientRequestObservationContext>() {

                    @Override
                    public void onStart(ClientRequestObservationContext context) {
                        context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
                    }

                    @Override
                    public boolean supportsContext(Observation.Context context) {
                        return context instanceof ClientRequestObservationContext;
                    }
                });

        client().thing("a1");

        assertThat(headers.getFirst("traceparent")).isEqualTo(TRACEPARENT);
        assertThat(meters.get("http.client.requests").tag("uri", "/internal/v1/things/{id}").tag("method", "GET")
                .tag("status", "200").timer().count()).isEqualTo(1);
    }
}
