package io.ticketing.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.service.annotation.GetExchange;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.events.Topics;
import io.ticketing.starter.client.InternalClients;
import io.ticketing.starter.deadletter.DeadLetter;
import io.ticketing.starter.deadletter.DeadLetters;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;

/**
 * The metrics every service gets from the starter, on real PostgreSQL and Kafka: the outbox's backlog and the age of
 * its oldest event, the dead letters waiting for an operator, the Kafka clients' own meters (consumer lag), the
 * calls to other services, all at {@code /actuator/prometheus} with the service's name as the {@code application}
 * tag.
 */
@SpringBootTest(classes = StarterMetricsIntegrationTest.Service.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.application.name=" + StarterMetricsIntegrationTest.SERVICE,
                // the test's own outbox row is not sent again while the test looks at it
                "ticketing.outbox.resubmit-interval=PT1H" })
class StarterMetricsIntegrationTest {

    static final String SERVICE = "starter-service";
    static final String TOPIC = "starter.test-events";
    private static final Duration REFRESHED = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "starter_metrics", Component.POSTGRES, Component.KAFKA);
        TestInfrastructure.kafka().createTopics(List.of(TOPIC, Topics.deadLetters(SERVICE)), 1);
    }

    /** A service with nothing of its own but a consumer: what the starter brings. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    public static class Service {

        @Bean
        TestEventsListener testEventsListener() {
            return new TestEventsListener();
        }
    }

    public static class TestEventsListener {

        @KafkaListener(topics = TOPIC)
        public void on(ConsumerRecord<String, Object> record) {
            // every event read is applied: only an unreadable one fails, and becomes a dead letter
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventPublicationRepository publications;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    InternalClients clients;

    /** An endpoint every service has, called as another service's internal endpoint would be. */
    interface Liveness {

        @GetExchange("/actuator/health/liveness")
        Map<String, Object> state();
    }

    @Test
    void countsTheOutboxBacklogAndTheAgeOfItsOldestEventUntilKafkaHasIt() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)
                VALUES (?, 'test-listener', 'java.lang.String', '"an event"', ?)""")
                .params(id, OffsetDateTime.now().minusSeconds(3)).update();

        await().atMost(REFRESHED).untilAsserted(() -> {
            assertThat(gauge("ticketing.outbox.backlog")).isEqualTo(1.0);
            assertThat(gauge("ticketing.outbox.oldest.age")).isGreaterThanOrEqualTo(3.0);
        });

        // completed as the outbox completes a publication that Kafka acknowledged
        publications.markCompleted(id, Instant.now());

        await().atMost(REFRESHED).untilAsserted(() -> {
            assertThat(gauge("ticketing.outbox.backlog")).isZero();
            assertThat(gauge("ticketing.outbox.oldest.age")).isZero();
        });
    }

    @Test
    void countsUnresolvedDeadLettersUntilAnOperatorResolvesThem() {
        String key = UUID.randomUUID().toString();
        EventProducer.shared().sendRaw(TOPIC, key, "ShowScheduled", "{\"eventId\":");
        DeadLetter letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters
                .list(DeadLetter.Status.NEW).stream().filter(dead -> key.equals(dead.key())).findFirst().orElse(null),
                dead -> dead != null);

        await().atMost(REFRESHED).untilAsserted(() -> assertThat(gauge("ticketing.dead.letters.unresolved"))
                .isEqualTo((double) deadLetters.unresolved()).isGreaterThanOrEqualTo(1.0));
        double before = gauge("ticketing.dead.letters.unresolved");

        deadLetters.discard(letter.id());

        await().atMost(REFRESHED).untilAsserted(() -> assertThat(gauge("ticketing.dead.letters.unresolved"))
                .isEqualTo(before - 1));
    }

    @Test
    void bindsTheKafkaClientsMetricsWithConsumerLag() {
        // the consumer has run once it gave an event up (and the producer once it sent it to the dead letters)
        String key = UUID.randomUUID().toString();
        EventProducer.shared().sendRaw(TOPIC, key, "ShowScheduled", "not json");
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.list(DeadLetter.Status.NEW).stream()
                .anyMatch(dead -> key.equals(dead.key())));

        assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges()).isNotEmpty();
        assertThat(meters.getMeters()).anySatisfy(meter -> assertThat(meter.getId().getName()).startsWith("kafka.producer."));
    }

    @Test
    void timesTheCallsToOtherServices() {
        Liveness liveness = clients.create(Liveness.class, "http://127.0.0.1:" + port, Duration.ofSeconds(5), Set.of(),
                () -> RequestRejectedException.unavailable("LIVENESS_UNAVAILABLE", "The service does not answer"));

        assertThat(liveness.state()).containsEntry("status", "UP");
        assertThat(meters.get("http.client.requests").tag("uri", "/actuator/health/liveness").tag("status", "200")
                .tag("application", SERVICE).timer().count()).isEqualTo(1);
    }

    @Test
    void servesEveryMeterToPrometheusTaggedWithTheService() throws Exception {
        gauge("ticketing.outbox.backlog"); // read once, so the scrape below finds a value either way

        HttpResponse<String> scrape = scrape();

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain"));
        assertThat(scrape.body()).contains("ticketing_outbox_backlog{application=\"" + SERVICE + "\"}")
                .contains("ticketing_outbox_oldest_age_seconds{application=\"" + SERVICE + "\"}")
                .contains("ticketing_dead_letters_unresolved{application=\"" + SERVICE + "\"}")
                .contains("kafka_consumer_fetch_manager_records_lag_max{")
                .contains("jvm_memory_used_bytes{")
                .contains("application=\"" + SERVICE + "\"");
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private HttpResponse<String> scrape() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
