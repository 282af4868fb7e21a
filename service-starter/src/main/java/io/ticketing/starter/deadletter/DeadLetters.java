package io.ticketing.starter.deadletter;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.starter.RequestRejectedException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's dead letters in its own database ({@code dead_letter}), next to the dead-letter topic that keeps
 * them in Kafka: recorded when a consumer gives an event up, listed and read by operators, replayed onto the topic
 * they came from (every consumer's inbox drops what it applied already, so only the consumer that failed applies it
 * now) or discarded. A dead letter is resolved once, by whichever of the two comes first.
 */
public class DeadLetters {

    /** Header of a replayed record: the dead letter it came from. */
    public static final String REPLAY_HEADER = "ticketing-replay-of";

    private static final int LIMIT = 100;
    private static final int MAX_REASON = 2_000;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final String COLUMNS = """
            SELECT id, consumer_group, topic, partition_no, record_offset, record_key, event_type, event_id, reason,
                   status, dead_at, resolved_at, payload, headers
            FROM dead_letter""";

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final KafkaOperations<String, String> kafka;
    private final JsonMapper json;
    private final Clock clock;

    public DeadLetters(JdbcClient jdbc, TransactionOperations transactions, KafkaOperations<String, String> kafka,
            JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    /** Records a record given up by {@code consumerGroup}; recording the same record twice keeps one. */
    void record(ConsumerRecord<?, ?> record, String consumerGroup, String payload, Throwable cause) {
        jdbc.sql("""
                INSERT INTO dead_letter (id, consumer_group, topic, partition_no, record_offset, record_key, event_type,
                                         event_id, payload, headers, reason, status, dead_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, 'NEW', ?)
                ON CONFLICT (consumer_group, topic, partition_no, record_offset) DO NOTHING""")
                .params(UUID.randomUUID(), consumerGroup, record.topic(), record.partition(), record.offset(),
                        record.key() == null ? null : record.key().toString(), header(record, "event-type"),
                        eventId(payload), payload == null ? null : payload.replace('\0', '\uFFFD'),
                        json.writeValueAsString(originalHeaders(record)), reason(cause),
                        OffsetDateTime.now(clock))
                .update();
    }

    /** The newest dead letters with the given status (at most 100), without payloads. */
    public List<DeadLetter> list(DeadLetter.Status status) {
        return jdbc.sql(COLUMNS + " WHERE status = ? ORDER BY dead_at DESC LIMIT ?").params(status.name(), LIMIT)
                .query((rs, n) -> deadLetter(rs).summary()).list();
    }

    /** How many dead letters no operator has resolved yet. */
    public long unresolved() {
        return jdbc.sql("SELECT count(*) FROM dead_letter WHERE status = 'NEW'").query(Long.class).single();
    }

    public DeadLetter find(UUID id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query((rs, n) -> deadLetter(rs)).optional()
                .orElseThrow(() -> RequestRejectedException.notFound("DEAD_LETTER_NOT_FOUND", "Dead letter " + id));
    }

    /**
     * Sends the event again to the topic it came from, with its key and headers, and marks it {@code REPLAYED}; if it
     * fails again it comes back as a new dead letter. {@code DEAD_LETTER_RESOLVED} when it was replayed or discarded
     * already. If Kafka does not take it, nothing changes.
     */
    public DeadLetter replay(UUID id) {
        transactions.executeWithoutResult(tx -> {
            DeadLetter letter = resolve(id, DeadLetter.Status.REPLAYED);
            var record = new ProducerRecord<>(letter.topic(), null, letter.key(), letter.payload());
            letter.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(REPLAY_HEADER, id.toString().getBytes(StandardCharsets.UTF_8));
            try {
                kafka.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (ExecutionException | TimeoutException ex) {
                throw RequestRejectedException.unavailable("KAFKA_UNAVAILABLE",
                        "Kafka did not take the replayed event; nothing changed, try again");
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        });
        return find(id);
    }

    /** Marks the dead letter {@code DISCARDED}: an operator decided it needs no effect. Discarding twice changes nothing. */
    public void discard(UUID id) {
        transactions.executeWithoutResult(tx -> {
            if (find(id).status() != DeadLetter.Status.DISCARDED) {
                resolve(id, DeadLetter.Status.DISCARDED);
            }
        });
    }

    private DeadLetter resolve(UUID id, DeadLetter.Status status) {
        DeadLetter letter = jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query((rs, n) -> deadLetter(rs))
                .optional()
                .orElseThrow(() -> RequestRejectedException.notFound("DEAD_LETTER_NOT_FOUND", "Dead letter " + id));
        if (letter.status() != DeadLetter.Status.NEW) {
            throw RequestRejectedException.conflict("DEAD_LETTER_RESOLVED",
                    "Dead letter " + id + " was " + letter.status().name().toLowerCase() + " already");
        }
        jdbc.sql("UPDATE dead_letter SET status = ?, resolved_at = ? WHERE id = ?")
                .params(status.name(), OffsetDateTime.now(clock), id).update();
        return letter;
    }

    /** The record's own headers, as text: not the ones the dead-letter publisher or the deserializer added. */
    private static Map<String, String> originalHeaders(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt") && !header.key().startsWith("springDeserializerException")
                    && header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private String eventId(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            var id = json.readTree(payload).path("eventId");
            return id.isString() ? id.asString() : null;
        }
        catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The innermost cause: what actually went wrong, not the listener container's wrapping of it. */
    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.toString();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    private DeadLetter deadLetter(ResultSet rs) throws SQLException {
        OffsetDateTime resolved = rs.getObject("resolved_at", OffsetDateTime.class);
        return new DeadLetter(rs.getObject("id", UUID.class), rs.getString("consumer_group"), rs.getString("topic"),
                rs.getInt("partition_no"), rs.getLong("record_offset"), rs.getString("record_key"),
                rs.getString("event_type"), rs.getString("event_id"), rs.getString("reason"),
                DeadLetter.Status.valueOf(rs.getString("status")),
                rs.getObject("dead_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(resolved).map(OffsetDateTime::toInstant).orElse(null), rs.getString("payload"),
                json.readValue(rs.getString("headers"), new TypeReference<Map<String, String>>() {
                }));
    }
}
