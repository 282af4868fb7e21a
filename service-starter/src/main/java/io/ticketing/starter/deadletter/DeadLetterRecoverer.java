package io.ticketing.starter.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.events.Topics;
import io.ticketing.starter.messaging.ConsumerFailures;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives up an event that can never be applied: publishes it, with its original headers and the reason, to the
 * service's dead-letter topic ({@link Topics#deadLetters(String)}, keyed as before), records it for operators
 * ({@link DeadLetters}), logs it as an error and counts it ({@code ticketing.events.dead.letters}). If either step
 * fails the event is not let go: the error handler tries it again.
 */
public class DeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final String topic;
    private final TextPublisher publisher;
    private final DeadLetters deadLetters;
    private final JsonMapper json;
    private final @Nullable MeterRegistry meters;

    public DeadLetterRecoverer(String service, KafkaOperations<String, String> kafka, DeadLetters deadLetters,
            JsonMapper json, @Nullable MeterRegistry meters) {
        this.topic = Topics.deadLetters(service);
        this.publisher = new TextPublisher(kafka, topic);
        this.deadLetters = deadLetters;
        this.json = json;
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
        String group = Optional.ofNullable(KafkaUtils.getConsumerGroupId())
                .orElseGet(() -> consumer == null ? "unknown" : consumer.groupMetadata().groupId());
        publisher.accept(record, consumer, exception);
        deadLetters.record(record, group, payload(record, exception), exception);
        log.error("Dead letter: {} can never be applied by {}; it is in {} for an operator to replay or discard",
                ConsumerFailures.describe(record), group, topic, exception);
        if (meters != null) {
            Counter.builder("ticketing.events.dead.letters").description("Events a consumer could never apply")
                    .tag("topic", record.topic()).tag("consumer", group).register(meters).increment();
        }
    }

    /** The event as text: the bytes that could not be read, or the event that was read but refused. */
    private String payload(ConsumerRecord<?, ?> record, Throwable exception) {
        return text(unreadable(exception).map(DeserializationException::getData).orElse(null), record.value());
    }

    private String text(byte @Nullable [] raw, @Nullable Object value) {
        if (raw != null) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        return switch (value) {
            case null -> null;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            case String string -> string;
            default -> json.writeValueAsString(value);
        };
    }

    private static Optional<DeserializationException> unreadable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeserializationException deserialization) {
                return Optional.of(deserialization);
            }
        }
        return Optional.empty();
    }

    /**
     * Spring Kafka's dead-letter publisher (original headers kept, the reason added as {@code kafka_dlt-*} headers,
     * waits for Kafka's acknowledgement), sending the event as the same JSON text the platform's producer sends.
     */
    private final class TextPublisher extends DeadLetterPublishingRecoverer {

        TextPublisher(KafkaOperations<String, String> kafka, String topic) {
            super(kafka, (record, exception) -> new TopicPartition(topic, -1));
        }

        @Override
        protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
                TopicPartition topicPartition, Headers headers, byte @Nullable [] key, byte @Nullable [] value) {
            return new ProducerRecord<>(topicPartition.topic(), null, record.key(), text(value, record.value()),
                    headers);
        }
    }
}
