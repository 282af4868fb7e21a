package io.ticketing.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client of a show's seat stream ({@code GET /api/v1/shows/{id}/seats/stream}, Server-Sent Events) as a browser
 * keeps it: a {@code snapshot} event with every seat, then {@code seats} events with the seats changed since the
 * previous event (one change, or the changes of up to 100 ms), applied in order to its own copy of the map. When the stream ends it connects again and starts from a new snapshot,
 * as the API tells clients to. Each change can also be handed on (the arena's customers pick seats from it).
 */
final class SeatStreamWatcher implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final URI uri;
    private final String apiKey;
    private final BiConsumer<String, String> onChange;
    private final Map<String, String> statuses = new HashMap<>();
    private final CountDownLatch synced = new CountDownLatch(1);
    private final Thread reader;
    private int snapshots;
    private int connections;
    /** When the client last applied a change to its map ({@link System#nanoTime()}). */
    private long lastChangedNanos;
    private volatile boolean closed;

    /** @param onChange called with each seat and its new status, the snapshot's seats included */
    SeatStreamWatcher(HttpClient client, URI gateway, String showId, String apiKey,
            BiConsumer<String, String> onChange) {
        this.client = client;
        this.uri = gateway.resolve("/api/v1/shows/" + showId + "/seats/stream");
        this.apiKey = apiKey;
        this.onChange = onChange;
        this.reader = Thread.ofVirtual().name("seat-stream").start(this::read);
    }

    /** Waits for the first snapshot; false when it did not come in time. */
    boolean awaitSynced(Duration timeout) throws InterruptedException {
        return synced.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** This client's map now, every seat's status by seat id. */
    synchronized Map<String, String> statuses() {
        return new HashMap<>(statuses);
    }

    /** When this client last applied an event to its map. */
    synchronized long lastChangedNanos() {
        return lastChangedNanos;
    }

    /** Snapshots received: one, unless the stream was connected again or started over on its connection. */
    synchronized int snapshots() {
        return snapshots;
    }

    /** Streams opened (answered 200): one, unless the stream ended and was connected again. */
    synchronized int connections() {
        return connections;
    }

    private void read() {
        while (!closed) {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                    .header("X-API-Key", apiKey).GET().build();
            try {
                HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    response.body().close();
                    Thread.sleep(200);
                    continue;
                }
                synchronized (this) {
                    connections++;
                }
                try (Stream<String> lines = response.body()) {
                    var event = new StringBuilder();
                    var data = new StringBuilder();
                    lines.forEach(line -> {
                        if (line.isEmpty()) {
                            if (!data.isEmpty()) {
                                apply(event.toString(), data.toString());
                            }
                            event.setLength(0);
                            data.setLength(0);
                        }
                        else if (line.startsWith("event:")) {
                            event.append(line.substring(6).strip());
                        }
                        else if (line.startsWith("data:")) {
                            data.append(line.substring(5).strip());
                        }
                    });
                }
            }
            catch (IOException | UncheckedIOException ex) {
                if (!closed) {
                    sleepQuietly();
                }
            }
            catch (InterruptedException ex) {
                return;
            }
        }
    }

    private void apply(String event, String data) {
        JsonNode message = JSON.readTree(data);
        boolean snapshot = "snapshot".equals(event);
        synchronized (this) {
            if (snapshot) {
                statuses.clear();
                snapshots++;
            }
            for (JsonNode seat : message.path("seats")) {
                statuses.put(seat.path("seatId").asString(), seat.path("status").asString());
            }
            lastChangedNanos = System.nanoTime();
        }
        for (JsonNode seat : message.path("seats")) {
            onChange.accept(seat.path("seatId").asString(), seat.path("status").asString());
        }
        if (snapshot) {
            synced.countDown();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(200);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }
}
