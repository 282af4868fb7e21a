package io.ticketing.starter.messaging;

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
}
