package io.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.ticketing.events.EventTypes;
import io.ticketing.events.Topics;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.reservation.SeatAvailabilityChanged;
import io.ticketing.events.reservation.SeatAvailabilityChanged.SeatTypeCount;
import io.ticketing.reservation.seating.SeatScripts;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog learns how many seats of each type a show can still sell: SeatAvailabilityChanged on Kafka
 * after holds, with the counts as they are and a growing sequence, and a burst of changes reported a few
 * times, never twice within the interval.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeatAvailabilityIntegrationTest extends ReservationIntegrationTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RedissonClient redis;

    @Autowired
    SeatScripts seatScripts;

    private KafkaConsumer<String, String> consumer;
    private final List<SeatAvailabilityChanged> reports = new ArrayList<>();

    @BeforeEach
    void listen() {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reservation-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.RESERVATION_HOLD_EVENTS));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void reportsTheSeatsPerTypeThatCanStillBeTaken() {
        ShowScheduled show = onSale(2, 5);
        var ana = customer();
        assertThat(ana.post(holds(show), Map.of("seatIds", List.of("A1", "A2"))).status()).isEqualTo(201);
        sell(show, "B5");
        assertThat(customer().post(holds(show), Map.of("seatIds", List.of("B1"))).status()).isEqualTo(201);
        long now = sequence(show);

        var report = awaitReport(show, now);

        assertThat(report.seatTypes()).containsExactly(new SeatTypeCount("PREMIUM", 5, 3),
                new SeatTypeCount("REGULAR", 5, 3));
        assertThat(report.occurredAt()).isAfter(Instant.now().minusSeconds(30));
    }

    @Test
    void reportsABurstOfChangesAFewTimesWithGrowingSequences() {
        ShowScheduled show = onSale(3, 10);
        long before = sequence(show);
        Instant start = Instant.now();
        for (int round = 0; round < 3; round++) {
            List<String> holdIds = new ArrayList<>();
            var customer = customer();
            for (int n = 1; n <= 10; n++) {
                holdIds.add(customer.post(holds(show), Map.of("seatIds", List.of("C" + n))).text("holdId"));
            }
            for (String holdId : holdIds) {
                assertThat(customer.delete("/api/v1/holds/" + holdId).status()).isEqualTo(204);
            }
            customer.post(holds(show), Map.of("seatIds", List.of("B" + (round + 1))));
        }
        Duration burst = Duration.between(start, Instant.now());
        long end = sequence(show);
        assertThat(end - before).as("changes in the burst").isEqualTo(63);

        var last = awaitReport(show, end);
        pollFor(INTERVAL.multipliedBy(2));

        List<SeatAvailabilityChanged> ofShow = reports.stream().filter(r -> r.showId().equals(show.showId())).toList();
        assertThat(ofShow.getLast()).isEqualTo(last);
        assertThat(last.seatTypes()).containsExactly(new SeatTypeCount("PREMIUM", 10, 10),
                new SeatTypeCount("REGULAR", 20, 17));
        assertThat(ofShow.size()).as("reports of %s of changes", burst)
                .isLessThanOrEqualTo((int) (burst.toMillis() / INTERVAL.toMillis()) + 2);
        for (int i = 1; i < ofShow.size(); i++) {
            assertThat(ofShow.get(i).sequence()).isGreaterThan(ofShow.get(i - 1).sequence());
            assertThat(Duration.between(ofShow.get(i - 1).occurredAt(), ofShow.get(i).occurredAt()))
                    .as("time between reports").isGreaterThanOrEqualTo(INTERVAL.minusMillis(100));
        }
    }

    /** The report of the show at exactly {@code sequence}; none may come later than it. */
    private SeatAvailabilityChanged awaitReport(ShowScheduled show, long sequence) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            pollFor(Duration.ofMillis(200));
            var found = reports.stream().filter(r -> r.showId().equals(show.showId()) && r.sequence() >= sequence)
                    .findFirst();
            if (found.isPresent()) {
                assertThat(found.get().sequence()).isEqualTo(sequence);
                return found.get();
            }
        }
        throw new AssertionError("No SeatAvailabilityChanged of show " + show.showId() + " at " + sequence
                + "; got " + reports);
    }

    private void pollFor(Duration duration) {
        Instant until = Instant.now().plus(duration);
        while (Instant.now().isBefore(until)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                var type = record.headers().lastHeader(EventTypes.HEADER);
                if (type != null && "SeatAvailabilityChanged".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                    reports.add(JSON.readValue(record.value(), SeatAvailabilityChanged.class));
                }
            }
        }
    }

    private long sequence(ShowScheduled show) {
        String seq = redis.<String, String>getMap("show:{" + show.showId() + "}:counts", StringCodec.INSTANCE).get("seq");
        return seq == null ? 0 : Long.parseLong(seq);
    }

    /** Marks seats sold the way a booking confirmed without a hold of this service's does. */
    private void sell(ShowScheduled show, String... seatIds) {
        assertThat(seatScripts.sell(show.showId(), UUID.randomUUID(), UUID.randomUUID(), List.of(seatIds))).isTrue();
    }

    private ShowScheduled onSale(int rows, int seatsPerRow) {
        return ShowsOnSale.onSale(jdbc, rows, seatsPerRow);
    }

    private static String holds(ShowScheduled show) {
        return "/api/v1/shows/" + show.showId() + "/holds";
    }

    private JsonApi customer() {
        return JsonApi.asGateway("http://127.0.0.1:" + port).withHeader("X-Customer-Id", UUID.randomUUID().toString());
    }
}
