package io.ticketing.testsupport.events;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.ticketing.events.EventTypes;
import io.ticketing.events.IntegrationEvent;
import io.ticketing.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends integration events exactly as the services' outbox does (topic, key, JSON body, type header), so
 * tests can play the part of another service — including delivering the same event twice.
 */
public final class EventProducer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, String> producer;

    /** One producer per test JVM on the test Kafka ({@link TestInfrastructure#kafka()}), closed at exit. */
    public static EventProducer shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final EventProducer INSTANCE = create();

        private static EventProducer create() {
            var producer = new EventProducer(TestInfrastructure.kafka().bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "event-producer-close"));
            return producer;
        }
    }

    public EventProducer(String bootstrapServers) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends and waits until Kafka has the event; where Kafka put it. */
    public RecordMetadata send(IntegrationEvent event) {
        return sendRaw(event.topic(), event.key(), event.type(), JSON.writeValueAsString(event));
    }

    /**
     * Sends any text as an event of the named type (a broken one, say), and waits until Kafka has it; where Kafka put
     * it.
     */
    public RecordMetadata sendRaw(String topic, String key, String type, String body) {
        var record = new ProducerRecord<>(topic, key, body);
        record.headers().add(EventTypes.HEADER, type.getBytes(StandardCharsets.UTF_8));
        try {
            return producer.send(record).get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("Kafka refused " + type, ex.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
