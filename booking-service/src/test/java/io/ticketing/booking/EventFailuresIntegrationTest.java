package io.ticketing.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.events.Topics;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.payment.PaymentSucceeded;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.ShowScheduledMother;
import tools.jackson.databind.JsonNode;

/**
 * What booking-service's consumers do with events they fail to apply: a database that is read-only for a while (a
 * PostgreSQL fail-over) delays payments, it loses none of them; an event that can never be read is a dead letter,
 * on the service's dead-letter topic and in its table, which an operator replays or discards, and the events behind
 * it are applied meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventFailuresIntegrationTest {

    private static final String DATABASE = "booking_failures";

    private final EventProducer events = EventProducer.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE, Component.POSTGRES, Component.KAFKA);
        // the consumer group of this test's own database: its offsets are not another test class's
        registry.add("spring.kafka.consumer.group-id", () -> "booking-service-failures");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPaymentBecomesABookingWhenTheDatabaseWasReadOnlyForEightSeconds() throws Exception {
        ShowScheduled show = stocked(ShowScheduledMother.show(3, 5));
        PaymentSucceeded before = paid(show, List.of("C5"), 100);
        events.send(before);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM booking WHERE hold_id = ?",
                before.holdId()) == 1);
        UUID booked = jdbc.sql("SELECT id FROM booking WHERE hold_id = ?").param(before.holdId()).query(UUID.class).single();
        List<PaymentSucceeded> payments = new ArrayList<>();
        TestInfrastructure.postgres().readOnly(DATABASE, true);
        try {
            // a customer meanwhile is told to try again, and nothing changes
            var refused = api().withHeader("X-Customer-Id", before.customerId().toString())
                    .request("POST", "/api/v1/bookings/" + booked + "/cancel", null, null);
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.text("code")).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            for (int seat = 1; seat <= 12; seat++) {
                String seatId = (seat <= 5 ? "A" : seat <= 10 ? "B" : "C") + ((seat - 1) % 5 + 1);
                PaymentSucceeded payment = paid(show, List.of(seatId), seat);
                events.send(payment);
                payments.add(payment);
            }
            Thread.sleep(8_000);
        }
        finally {
            TestInfrastructure.postgres().readOnly(DATABASE, false);
        }
        // the test reads through the service's pool too: its first connections were ended with the fail-over
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(count(
                "SELECT count(*) FROM booking WHERE show_id = ? AND status = 'CONFIRMED'", show.showId())).isEqualTo(13));
        assertThat(count("SELECT count(*) FROM rejected_payment WHERE show_id = ?", show.showId())).isZero();
        assertThat(count("SELECT count(*) FROM dead_letter WHERE record_key = ?", show.showId().toString())).isZero();
    }

    @Test
    void anUnreadableEventIsADeadLetterThatAnOperatorReplaysOrDiscards() {
        ShowScheduled show = stocked(ShowScheduledMother.show(2, 5));
        String key = show.showId().toString();
        String broken = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"paymentId\":\"pi_broken\",\"seatIds\":[\"A1\"";
        events.sendRaw(Topics.PAYMENT_PAYMENT_EVENTS, key, "PaymentSucceeded", broken);
        // the next event of the same show (same partition) is applied: the unreadable one holds nothing up
        PaymentSucceeded next = paid(show, List.of("A2"), 1);
        events.send(next);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM booking WHERE hold_id = ? AND status = 'CONFIRMED'", next.holdId()) == 1);

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> newDeadLetter(key), node -> node != null);
        assertThat(letter.path("topic").asString()).isEqualTo(Topics.PAYMENT_PAYMENT_EVENTS);
        assertThat(letter.path("eventType").asString()).isEqualTo("PaymentSucceeded");
        assertThat(letter.path("consumerGroup").asString()).isEqualTo("booking-service-failures");
        assertThat(letter.path("status").asString()).isEqualTo("NEW");
        assertThat(letter.path("reason").asString()).isNotBlank();
        String id = letter.path("id").asString();
        var inspected = api().get("/internal/v1/dead-letters/" + id);
        assertThat(inspected.text("payload")).isEqualTo(broken);
        assertThat(inspected.json().path("headers").path("event-type").asString()).isEqualTo("PaymentSucceeded");
        assertThat(deadLetterTopic()).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo(key);
            assertThat(record.value()).isEqualTo(broken);
            assertThat(new String(record.headers().lastHeader("kafka_dlt-original-topic").value()))
                    .isEqualTo(Topics.PAYMENT_PAYMENT_EVENTS);
            assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        });

        // replayed onto its topic, it fails again (nothing was fixed): a new dead letter, the first one resolved
        var replayed = api().request("POST", "/internal/v1/dead-letters/" + id + "/replay", null, null);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.text("status")).isEqualTo("REPLAYED");
        JsonNode again = await().atMost(Duration.ofSeconds(30)).until(() -> newDeadLetter(key), node -> node != null);
        assertThat(again.path("id").asString()).isNotEqualTo(id);
        assertThat(api().request("POST", "/internal/v1/dead-letters/" + id + "/replay", null, null).text("code"))
                .isEqualTo("DEAD_LETTER_RESOLVED");

        String againId = again.path("id").asString();
        assertThat(api().delete("/internal/v1/dead-letters/" + againId).status()).isEqualTo(204);
        assertThat(api().delete("/internal/v1/dead-letters/" + againId).status()).isEqualTo(204);
        assertThat(api().get("/internal/v1/dead-letters/" + againId).text("status")).isEqualTo("DISCARDED");
        assertThat(newDeadLetter(key)).isNull();
        assertThat(api().get("/internal/v1/dead-letters/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api().get("/internal/v1/dead-letters?status=LOST").status()).isEqualTo(400);
    }

    private JsonNode newDeadLetter(String key) {
        for (JsonNode letter : api().get("/internal/v1/dead-letters").json()) {
            if (key.equals(letter.path("key").asString())) {
                return letter;
            }
        }
        return null;
    }

    private List<ConsumerRecord<String, String>> deadLetterTopic() {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetters("booking-service")));
            Instant until = Instant.now().plusSeconds(15);
            while (records.isEmpty() && Instant.now().isBefore(until)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private ShowScheduled stocked(ShowScheduled show) {
        events.send(show);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM show_inventory WHERE show_id = ?", show.showId()) == 1);
        return show;
    }

    private static PaymentSucceeded paid(ShowScheduled show, List<String> seatIds, long token) {
        return new PaymentSucceeded(UUID.randomUUID(), Instant.now(), "pi_" + UUID.randomUUID(), UUID.randomUUID(),
                show.showId(), UUID.randomUUID(), seatIds, token, new BigDecimal("16.00"), "EUR", null);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private JsonApi api() {
        return JsonApi.asGateway("http://127.0.0.1:" + port);
    }
}
