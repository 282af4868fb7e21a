package io.ticketing.starter.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;
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
 */
public class KafkaEventForwarder {

    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final KafkaOperations<String, String> kafka;
    private final JsonMapper json;

    public KafkaEventForwarder(KafkaOperations<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    @TransactionalEventListener
    public void forward(IntegrationEvent event) throws Exception {
        var record = new ProducerRecord<>(event.topic(), event.key(), json.writeValueAsString(event));
        record.headers().add(EventTypes.HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
