package io.ticketing.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Server-Sent Events stream as a browser's {@code EventSource} would (JDK HttpClient, HTTP/1.1), for
 * tests: events queue up as they arrive and are taken with a time limit; comments are counted. A response
 * other than 200 is read whole instead, so tests can assert on a problem body.
 */
public final class SseClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One event: its {@code event} name (default {@code message}), {@code id} and joined {@code data}. */
    public record Event(String name, String id, String data) {

        public JsonNode json() {
            return JSON.readTree(data);
        }
    }

    private final int status;
    private final String contentType;
    private final String body;
    private final InputStream stream;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) throws IOException {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        if (status == 200) {
            this.stream = response.body();
            this.body = "";
            Thread.ofVirtual().name("sse-client").start(this::read);
        }
        else {
            try (InputStream in = response.body()) {
                this.body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            this.stream = null;
            this.ended = true;
        }
    }

    /** Connects and returns once the response headers arrived. */
    /**
     * Opens the stream at {@code url} with these headers, signed as the gateway signs what it passes on
     * ({@link GatewayIdentity}), so that a service called straight believes the identity headers among them.
     */
    public static SseClient connect(String url, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        GatewayIdentity.signature(headers.get(GatewayIdentity.CUSTOMER_ID), headers.get(GatewayIdentity.CUSTOMER_EMAIL),
                        headers.get(GatewayIdentity.API_CLIENT))
                .forEach(request::header);
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public static SseClient connect(String url) {
        return connect(url, Map.of());
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The body of a response other than 200. */
    public JsonNode problem() {
        return JSON.readTree(body);
    }

    /** The next event, waiting at most {@code timeout}; fails the test when none came. */
    public Event next(Duration timeout) {
        Event event = poll(timeout);
        if (event == null) {
            throw new AssertionError("No event within " + timeout + (ended ? " (the stream ended)" : ""));
        }
        return event;
    }

    /** The next event within {@code timeout}, or null. */
    public Event poll(Duration timeout) {
        try {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Comment lines received so far (heartbeats). */
    public int comments() {
        return comments.get();
    }

    /** Whether the server ended the stream (or it was never a stream). */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        if (stream != null) {
            try {
                stream.close();
            }
            catch (IOException ex) {
                // closing anyway
            }
        }
    }

    private void read() {
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString()));
                    }
                    name = null;
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    comments.incrementAndGet();
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> name = value;
                    case "id" -> id = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                    }
                }
            }
        }
        catch (IOException ex) {
            // closed by the test or the server
        }
        finally {
            ended = true;
        }
    }
}
