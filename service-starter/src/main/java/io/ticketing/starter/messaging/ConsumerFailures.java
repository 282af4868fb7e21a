package io.ticketing.starter.messaging;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.ExponentialBackOff;

import io.ticketing.events.IntegrationEvent;

/**
 * What a consumer does with an event it failed to apply. A failure is transient unless proven otherwise (the
 * database read-only during a fail-over, Redis or a peer service away, a serialization conflict retried to its end
 * locally): the event is tried again with exponential backoff, up to {@code maxInterval} between tries, for as long
 * as it takes. Kafka's offset does not move meanwhile, so the events behind it on its partition — those of the same
 * show — wait and keep their order. Only an event that can never be applied (it cannot be read, or the consumer
 * rejects it: {@link EventRejectedException}) goes to the dead letters at once.
 */
public final class ConsumerFailures {

    /** The container factory of batch listeners: {@code @KafkaListener(containerFactory = BATCH_LISTENERS)}. */
    public static final String BATCH_LISTENERS = "batchListenerContainerFactory";


    private static final Logger log = LoggerFactory.getLogger(ConsumerFailures.class);

    private ConsumerFailures() {
    }

    /** Tries again after {@code first}, doubling (with jitter) up to {@code max}, without end. */
    public static ExponentialBackOff backOff(Duration first, Duration max) {
        var backOff = new ExponentialBackOff(first.toMillis(), 2);
        backOff.setJitter(first.toMillis() / 2);
        backOff.setMaxInterval(max.toMillis());
        return backOff;
    }

    /** The error handler of every record listener: retries with {@link #backOff}, dead letters for the rest. */
    public static DefaultErrorHandler handler(ConsumerAwareRecordRecoverer deadLetters, Duration first, Duration max) {
        var handler = new DefaultErrorHandler(deadLetters, backOff(first, max));
        handler.addNotRetryableExceptions(EventRejectedException.class);
        handler.setRetryListeners(new RetryLog());
        return handler;
    }

    /**
     * For batch listeners, which get an unreadable record as {@code null} (the error-handling deserializer keeps the
     * failure in a header): applies the records before the first unreadable one, then throws for it, so that those
     * count as applied and it goes to the dead letters; the records after it come again in the next batch.
     */
    public static <R extends ConsumerRecord<?, ?>> void applyReadable(List<R> records, Consumer<List<R>> apply) {
        int unreadable = 0;
        while (unreadable < records.size()
                && records.get(unreadable).headers().lastHeader(KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) == null) {
            unreadable++;
        }
        apply.accept(records.subList(0, unreadable));
        if (unreadable < records.size()) {
            throw new BatchListenerFailedException("Unreadable event",
                    new EventRejectedException("The event could not be read"), unreadable);
        }
    }

    /** Every failed try is logged once, with what it was and that it will be tried again. */
    private static final class RetryLog implements RetryListener {

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            log.warn("Could not apply {} (try {}); trying again with backoff: {}", describe(record), deliveryAttempt,
                    cause.toString());
        }

        @Override
        public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
            log.error("Could not put {} to the dead letters; trying it again", describe(record), failure);
        }
    }

    /** A record for the log: the event's type and id if it could be read, and where it is in Kafka. */
    public static String describe(ConsumerRecord<?, ?> record) {
        Object value = record.value();
        String event = value instanceof IntegrationEvent integration
                ? integration.type() + " " + integration.eventId() : "a record";
        return event + " (" + KafkaUtils.format(record) + ")";
    }
}
