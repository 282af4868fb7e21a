package io.ticketing.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.events.Topics;
import io.ticketing.events.catalog.CatalogChanged;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventRecorder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox on real PostgreSQL and Kafka, after an instance died while it sent an event again: Spring Modulith left
 * the event's row {@code RESUBMITTED}, which it never claims, and another instance sends it once the resubmission is
 * older than {@code ticketing.outbox.abandoned-after}; a resubmission still running is left to its instance.
 */
@SpringBootTest(classes = OutboxResubmissionIntegrationTest.Service.class, properties = {
        "spring.application.name=outbox-service", "ticketing.outbox.resubmit-interval=PT1S",
        "ticketing.outbox.resubmit-after=PT1S", "ticketing.outbox.abandoned-after=PT1M" })
class OutboxResubmissionIntegrationTest {

    /** The listener id Spring gives {@code KafkaEventForwarder.forward}, under which Modulith files its publications. */
    private static final String FORWARDER = "io.ticketing.starter.messaging.KafkaEventForwarder.forward("
            + "io.ticketing.events.IntegrationEvent)";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "starter_outbox", Component.POSTGRES, Component.KAFKA);
        TestInfrastructure.kafka().createTopics(List.of(Topics.CATALOG_CATALOG_EVENTS), 1);
    }

    /** A service with nothing of its own: the starter's outbox. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    public static class Service {
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void sendsAnEventWhoseResubmissionItsInstanceAbandonedAndLeavesOneInProgressAlone() {
        var abandoned = event();
        var inProgress = event();
        OffsetDateTime now = OffsetDateTime.now();
        try (var recorder = EventRecorder.of(Topics.CATALOG_CATALOG_EVENTS)) {
            resubmitted(abandoned, now.minusMinutes(10), now.minusMinutes(5));
            resubmitted(inProgress, now.minusMinutes(10), now);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recorder.events(CatalogChanged.class,
                    event -> event.eventId().equals(abandoned.eventId()))).hasSize(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> status(abandoned) == null);

            assertThat(status(inProgress)).as("a resubmission younger than a minute").isEqualTo("RESUBMITTED");
            assertThat(recorder.events(CatalogChanged.class, event -> event.eventId().equals(inProgress.eventId())))
                    .isEmpty();
        }
    }

    private static CatalogChanged event() {
        return new CatalogChanged(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                CatalogChanged.Entity.CITY, UUID.randomUUID(), CatalogChanged.Change.CREATED);
    }

    /** The row an instance leaves when it dies while sending the event again. */
    private void resubmitted(CatalogChanged event, OffsetDateTime published, OffsetDateTime resubmittedAt) {
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                    completion_attempts, last_resubmission_date)
                VALUES (?, ?, ?, ?, ?, 'RESUBMITTED', 1, ?)""")
                .params(event.eventId(), FORWARDER, CatalogChanged.class.getName(),
                        JsonMapper.builder().build().writeValueAsString(event), published, resubmittedAt)
                .update();
    }

    /** The row's status; null once the publication completed (completed rows are deleted). */
    private String status(CatalogChanged event) {
        return jdbc.sql("SELECT status FROM event_publication WHERE id = ?").param(event.eventId())
                .query(String.class).optional().orElse(null);
    }
}
