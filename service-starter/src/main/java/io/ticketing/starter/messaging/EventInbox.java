package io.ticketing.starter.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.events.IntegrationEvent;

/**
 * The idempotent-consumer inbox: runs a consumer's effect at most once per event, in one transaction with
 * the row that remembers it ran. Kafka delivers at least once and the outbox may send twice; together
 * with this, every event has exactly one effect.
 */
public class EventInbox {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    public EventInbox(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Runs {@code effect} unless {@code consumer} has already processed {@code event}.
     *
     * @return whether the effect ran
     */
    public boolean handle(String consumer, IntegrationEvent event, Runnable effect) {
        return handle(consumer, event, transactions, effect);
    }

    /**
     * As {@link #handle(String, IntegrationEvent, Runnable)}, in a transaction of the caller's kind (for example
     * SERIALIZABLE and retried on serialization failures: the inbox row is then retried with the effect).
     */
    public boolean handle(String consumer, IntegrationEvent event, TransactionOperations transactions,
            Runnable effect) {
        Boolean ran = transactions.execute(status -> {
            int inserted = jdbc.sql("""
                    INSERT INTO processed_event (consumer, event_id, event_type)
                    VALUES (:consumer, :eventId, :eventType)
                    ON CONFLICT DO NOTHING""")
                    .param("consumer", consumer)
                    .param("eventId", event.eventId())
                    .param("eventType", event.type())
                    .update();
            if (inserted == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    /**
     * Runs {@code effect} once with those of {@code events} that {@code consumer} has not processed yet (each once,
     * in their order), in one transaction with the rows that remember them: a burst of events costs one commit and
     * two statements instead of a transaction each.
     *
     * @return the events the effect got
     */
    public <E extends IntegrationEvent> List<E> handleAll(String consumer, List<E> events, Consumer<List<E>> effect) {
        if (events.isEmpty()) {
            return List.of();
        }
        return transactions.execute(status -> {
            Set<UUID> fresh = new HashSet<>(jdbc.sql("""
                    INSERT INTO processed_event (consumer, event_id, event_type)
                    SELECT :consumer, event.id, event.type
                    FROM unnest(string_to_array(:ids, ',')::uuid[], string_to_array(:types, ',')) AS event(id, type)
                    ON CONFLICT DO NOTHING
                    RETURNING event_id""")
                    .param("consumer", consumer)
                    .param("ids", events.stream().map(event -> event.eventId().toString()).collect(Collectors.joining(",")))
                    .param("types", events.stream().map(IntegrationEvent::type).collect(Collectors.joining(",")))
                    .query(UUID.class)
                    .list());
            List<E> applied = events.stream().filter(event -> fresh.remove(event.eventId())).toList();
            if (!applied.isEmpty()) {
                effect.accept(applied);
            }
            return applied;
        });
    }
}
