package io.ticketing.starter.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

import io.ticketing.events.EventTypes;
import io.ticketing.events.IntegrationEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends integration events to Kafka once the transaction that produced them has committed. Spring
 * Modulith records each publication in the {@code event_publication} table inside that same transaction
 * and marks it complete only when this listener returns, so an event whose send failed — or whose
 * service crashed in between — stays in the table and is sent again by {@link OutboxResubmitter}.
 * Delivery is therefore at least once; consumers deduplicate with {@link EventInbox}.
 *
 * <p>The send runs on another thread ({@code @Async}, a virtual thread): on the committing thread, the
 * transaction's connection is still held while after-commit work runs, and marking the publication
 * complete needs a second one, so with as many concurrent requests as pooled connections every request
 * waited for a connection that none would give back (found by the hold race test). The request also no
 * longer waits for Kafka's acknowledgement.
 *
 * <p>The record is sent in the trace the event was published in ({@link EventTraceContexts}): Spring Kafka's
 * observation writes that trace's context into the record's headers, and the consumer's span continues it.
 */
public class KafkaEventForwarder {

    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final KafkaOperations<String, String> kafka;
    private final JsonMapper json;
    private final EventTraceContexts traces;

    public KafkaEventForwarder(KafkaOperations<String, String> kafka, JsonMapper json, EventTraceContexts traces) {
        this.kafka = kafka;
        this.json = json;
        this.traces = traces;
    }

    @Async
    @TransactionalEventListener
    public void forward(IntegrationEvent event) throws Exception {
        var record = new ProducerRecord<>(event.topic(), event.key(), json.writeValueAsString(event));
        record.headers().add(EventTypes.HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        traces.sendInTrace(event, () -> kafka.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
}
