package io.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.reservation.seating.LiveSeats;
import io.ticketing.reservation.seating.SeatKeys;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.SseClient;
import tools.jackson.databind.JsonNode;

/**
 * The live seat map on real Redis: a snapshot, then every change of holds, releases and expiries in sequence
 * order, to every client of the show and to no one else, and no change lost while clients connect in the
 * middle of a rush.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.reservation.hold-ttl=PT2S", "ticketing.reservation.hold-grace=PT0.5S",
        "ticketing.reservation.stream.heartbeat-interval=PT0.5S" })
class SeatStreamIntegrationTest extends ReservationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    LiveSeats live;

    @Autowired
    RedissonClient redis;

    @Autowired
    MeterRegistry meters;

    @Test
    void streamsASnapshotThenTheChangesOfAHoldItsReleaseAndAnExpiryInOrder() {
        ShowScheduled show = onSale(2, 5);
        ShowScheduled otherShow = onSale(1, 4);
        try (var ana = SseClient.connect(stream(show)); var ben = SseClient.connect(stream(show));
                var other = SseClient.connect(stream(otherShow))) {
            assertThat(ana.status()).isEqualTo(200);
            assertThat(ana.contentType()).startsWith("text/event-stream");
            var snapshot = ana.next(WAIT);
            assertThat(snapshot.name()).isEqualTo("snapshot");
            assertThat(snapshot.json().path("showId").asString()).isEqualTo(show.showId().toString());
            long start = snapshot.json().path("sequence").asLong();
            assertThat(snapshot.id()).isEqualTo(Long.toString(start));
            assertThat(statuses(snapshot.json())).hasSize(10).containsEntry("A1", "AVAILABLE");
            assertThat(ben.next(WAIT).name()).isEqualTo("snapshot");
            assertThat(other.next(WAIT).name()).isEqualTo("snapshot");

            var customer = customer();
            var expiring = customer.post(holds(show), Map.of("seatIds", List.of("A1", "A2")));
            assertThat(expiring.status()).isEqualTo(201);
            String released = customer.post(holds(show), Map.of("seatIds", List.of("B3"))).text("holdId");
            assertThat(customer.delete("/api/v1/holds/" + released).status()).isEqualTo(204);

            for (var client : List.of(ana, ben)) {
                // the two holds and the release, a few ms apart: in one to three events, each after the one before
                Map<String, String> seats = new HashMap<>();
                for (long sequence = start; sequence < start + 3;) {
                    var event = client.next(WAIT);
                    assertThat(event.name()).isEqualTo("seats");
                    assertThat(event.json().path("showId").asString()).isEqualTo(show.showId().toString());
                    assertThat(event.json().path("firstSequence").asLong()).isEqualTo(sequence + 1);
                    sequence = event.json().path("sequence").asLong();
                    assertThat(event.id()).isEqualTo(Long.toString(sequence));
                    seats.putAll(statuses(event.json()));
                }
                assertThat(seats).isEqualTo(Map.of("A1", "HELD", "A2", "HELD", "B3", "AVAILABLE"));
                // the expiry, seconds later, alone
                assertChange(client.next(WAIT), show, start + 4, Map.of("A1", "AVAILABLE", "A2", "AVAILABLE"));
            }
            assertThat(other.poll(Duration.ofMillis(500))).as("another show's client hears nothing of it").isNull();
            assertThat(other.comments()).as("heartbeats").isPositive();
            assertThat(other.ended()).isFalse();
        }
    }

    /**
     * A change that reaches no listener (Redis drops pub/sub messages when a subscriber lags, and the 37th arena run
     * lost one) is made here by changing a seat and the show's sequence without publishing. Both clients catch up with
     * one {@code seats} event of the seats that differ, from one snapshot read, and no client gets a second snapshot.
     */
    @Test
    void catchesUpAfterALostChangeWithTheSeatsThatDifferFromOneRead() {
        ShowScheduled show = onSale(2, 5);
        try (var ana = SseClient.connect(stream(show)); var ben = SseClient.connect(stream(show))) {
            long start = ana.next(WAIT).json().path("sequence").asLong();
            assertThat(ben.next(WAIT).json().path("sequence").asLong()).isEqualTo(start);
            double reads = meters.counter("ticketing.streams.snapshots", "stream", "seat-map").count();
            double fills = meters.counter("ticketing.streams.fills", "stream", "seat-map").count();

            SeatKeys keys = SeatKeys.of(show.showId());
            long lost = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE,
                    "redis.call('HSET', KEYS[1], 'B5', 'BLOCKED') return redis.call('HINCRBY', KEYS[2], 'seq', 1)",
                    RScript.ReturnType.LONG, List.of(keys.seats(), keys.counts()));
            assertThat(lost).isEqualTo(start + 1);
            assertThat(customer().post(holds(show), Map.of("seatIds", List.of("A1"))).status()).isEqualTo(201);

            for (var client : List.of(ana, ben)) {
                var event = client.next(WAIT);
                assertThat(event.name()).isEqualTo("seats");
                assertThat(event.json().path("firstSequence").asLong()).isEqualTo(start + 1);
                assertThat(event.json().path("sequence").asLong()).isEqualTo(start + 2);
                assertThat(statuses(event.json())).isEqualTo(Map.of("B5", "BLOCKED", "A1", "HELD"));
            }
            assertThat(meters.counter("ticketing.streams.fills", "stream", "seat-map").count() - fills).isEqualTo(2);
            assertThat(meters.counter("ticketing.streams.snapshots", "stream", "seat-map").count() - reads)
                    .as("one read for both").isEqualTo(1);

            assertThat(customer().post(holds(show), Map.of("seatIds", List.of("A2"))).status()).isEqualTo(201);
            for (var client : List.of(ana, ben)) {
                assertChange(client.next(WAIT), show, start + 3, Map.of("A2", "HELD"));
            }
        }
    }

    @Test
    void answersAnUnknownShowWith404BeforeAnyStream() {
        try (var client = SseClient.connect(url("/api/v1/shows/" + UUID.randomUUID() + "/seats/stream"))) {
            assertThat(client.status()).isEqualTo(404);
            assertThat(client.contentType()).startsWith("application/problem+json");
            assertThat(client.problem().path("code").asString()).isEqualTo("SHOW_NOT_FOUND");
        }
    }

    /**
     * Clients connect, four at once, while customers hold and release seats as fast as they can: whenever each
     * connected, its snapshot plus the changes after it add up to the seats as they end, without a missing sequence
     * (each {@code seats} event starting at the sequence after the previous event's).
     */
    @Test
    void missesNoChangeWhileClientsConnectDuringARush() throws Exception {
        ShowScheduled show = onSale(4, 10);
        var rushing = new AtomicBoolean(true);
        List<SseClient> clients = new ArrayList<>();
        try (ExecutorService customers = Executors.newFixedThreadPool(8);
                ExecutorService connections = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> rush = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int seed = c;
                rush.add(customers.submit(() -> churn(show, seed, rushing)));
            }
            for (int i = 0; i < 4; i++) {
                Thread.sleep(150);
                // several at once, so that they may share a snapshot read (SharedReadsTest shows that they do)
                List<Future<SseClient>> connecting = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    connecting.add(connections.submit(() -> SseClient.connect(stream(show))));
                }
                for (var client : connecting) {
                    clients.add(client.get());
                }
            }
            Thread.sleep(300);
            rushing.set(false);
            int changes = 0;
            for (var future : rush) {
                changes += future.get();
            }
            assertThat(changes).as("holds and releases during the rush").isGreaterThan(20);
        }
        var end = live.snapshot(show.showId());
        Map<String, String> expected = new HashMap<>();
        end.seats().forEach(seat -> expected.put(seat.seatId(), seat.status()));
        try {
            for (var client : clients) {
                Map<String, String> seats = new HashMap<>();
                long sequence = -1;
                int snapshots = 0;
                while (sequence < end.sequence()) {
                    var event = client.next(WAIT);
                    long id = Long.parseLong(event.id());
                    if (event.name().equals("snapshot")) {
                        seats = statuses(event.json());
                        snapshots++;
                    }
                    else {
                        assertThat(event.json().path("firstSequence").asLong()).as("the changes after " + sequence)
                                .isEqualTo(sequence + 1);
                        seats.putAll(statuses(event.json()));
                    }
                    sequence = id;
                }
                assertThat(seats).isEqualTo(expected);
                assertThat(snapshots).as("no change missed, so no second snapshot needed").isEqualTo(1);
            }
        }
        finally {
            clients.forEach(SseClient::close);
        }
    }

    /** Holds and releases random seats until told to stop; returns how many changes it made. */
    private int churn(ShowScheduled show, int seed, AtomicBoolean rushing) {
        var random = new Random(seed);
        var customer = customer();
        int changes = 0;
        while (rushing.get()) {
            String seat = String.valueOf((char) ('A' + random.nextInt(4))) + (1 + random.nextInt(10));
            var held = customer.post(holds(show), Map.of("seatIds", List.of(seat)));
            if (held.status() == 201) {
                changes++;
                if (random.nextBoolean() && customer.delete("/api/v1/holds/" + held.text("holdId")).status() == 204) {
                    changes++;
                }
            }
        }
        return changes;
    }

    private static void assertChange(SseClient.Event event, ShowScheduled show, long sequence,
            Map<String, String> seats) {
        assertThat(event.name()).isEqualTo("seats");
        assertThat(event.id()).isEqualTo(Long.toString(sequence));
        assertThat(event.json().path("showId").asString()).isEqualTo(show.showId().toString());
        assertThat(event.json().path("sequence").asLong()).isEqualTo(sequence);
        assertThat(event.json().path("firstSequence").asLong()).as("one change").isEqualTo(sequence);
        assertThat(statuses(event.json())).isEqualTo(seats);
    }

    private static Map<String, String> statuses(JsonNode event) {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode seat : event.path("seats")) {
            statuses.put(seat.path("seatId").asString(), seat.path("status").asString());
        }
        return statuses;
    }

    private ShowScheduled onSale(int rows, int seatsPerRow) {
        return ShowsOnSale.onSale(jdbc, rows, seatsPerRow);
    }

    private String stream(ShowScheduled show) {
        return url("/api/v1/shows/" + show.showId() + "/seats/stream");
    }

    private static String holds(ShowScheduled show) {
        return "/api/v1/shows/" + show.showId() + "/holds";
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private JsonApi customer() {
        return JsonApi.asGateway(url("")).withHeader("X-Customer-Id", UUID.randomUUID().toString());
    }
}
