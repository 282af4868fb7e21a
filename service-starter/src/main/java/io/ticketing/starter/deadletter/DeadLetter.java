package io.ticketing.starter.deadletter;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An event one of the service's consumers could never apply, as it arrived: where it came from ({@code topic},
 * {@code partition}, {@code offset}, read by {@code consumerGroup}), its key, type and id, and why it was given up
 * ({@code reason}). {@code payload} and {@code headers} are shown when one dead letter is asked for. An operator
 * replays it (after a fix) or discards it; either resolves it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(UUID id, String consumerGroup, String topic, int partition, long offset, String key,
        String eventType, String eventId, String reason, Status status, Instant deadAt, Instant resolvedAt,
        String payload, Map<String, String> headers) {

    /** {@code NEW} until an operator replays or discards it. */
    public enum Status {
        NEW, REPLAYED, DISCARDED
    }

    DeadLetter summary() {
        return new DeadLetter(id, consumerGroup, topic, partition, offset, key, eventType, eventId, reason, status, deadAt,
                resolvedAt, null, null);
    }
}
