package io.ticketing.testsupport.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.ticketing.events.EventTypes;
import io.ticketing.events.IntegrationEvent;
import io.ticketing.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every event on a topic from its beginning, as another service would receive it, so tests can assert
 * what a service published (the outbox deletes completed rows, Kafka is where the events are).
 */
public final class EventRecorder implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<IntegrationEvent> events = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;

    /** Starts recording {@code topic} on the test Kafka ({@link TestInfrastructure#kafka()}). */
    public static EventRecorder of(String topic) {
        return new EventRecorder(TestInfrastructure.kafka().bootstrapServers(), topic);
    }

    public EventRecorder(String bootstrapServers, String topic) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        poller = Thread.ofPlatform().daemon().name("event-recorder-" + topic).start(this::poll);
    }

    /** The recorded events of a type that match, in the order they arrived. */
    public <T extends IntegrationEvent> List<T> events(Class<T> type, Predicate<T> matching) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(matching).toList();
    }

    private void poll() {
        try {
            while (true) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader(EventTypes.HEADER);
                    if (header != null) {
                        EventTypes.byName(new String(header.value(), StandardCharsets.UTF_8))
                                .ifPresent(type -> events.add(JSON.readValue(record.value(), type)));
                    }
                }
            }
        }
        catch (WakeupException ex) {
            // closed
        }
        finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
    }
}
