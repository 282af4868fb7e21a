package io.ticketing.starter.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.ObservationRegistry;
import io.ticketing.events.IntegrationEvent;

/**
 * The trace each integration event was published in, kept until {@link KafkaEventForwarder} sends the event, which
 * then goes to Kafka as part of that trace (its context in the record's headers) whichever thread sends it: the
 * committing request's after commit, a group commit's writer (a hold is recorded with others'), or the outbox's
 * resubmission after Kafka was away. Held in memory only: an event resent by a restarted service starts a trace of
 * its own. At most {@value #MOST} events are remembered; beyond that (events never sent, or whose transaction rolled
 * back) the oldest is forgotten.
 */
public class EventTraceContexts {

    static final int MOST = 10_000;

    private final ObservationRegistry observations;
    private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
    private final Map<UUID, ContextSnapshot> contexts = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ContextSnapshot> eldest) {
            return size() > MOST;
        }
    };

    public EventTraceContexts(ObservationRegistry observations) {
        this.observations = observations;
    }

    /** Called as the event is published, inside the transaction that records it. */
    @EventListener
    public void published(IntegrationEvent event) {
        if (observations.getCurrentObservation() != null) {
            ContextSnapshot snapshot = snapshots.captureAll();
            synchronized (contexts) {
                contexts.put(event.eventId(), snapshot);
            }
        }
    }

    /** Runs {@code send} in the trace {@code event} was published in, if known; forgets it once sent. */
    void sendInTrace(IntegrationEvent event, Send send) throws Exception {
        ContextSnapshot snapshot;
        synchronized (contexts) {
            snapshot = contexts.get(event.eventId());
        }
        if (snapshot == null) {
            send.run();
            return;
        }
        try (ContextSnapshot.Scope scope = snapshot.setThreadLocals()) {
            send.run();
        }
        synchronized (contexts) {
            contexts.remove(event.eventId());
        }
    }

    @FunctionalInterface
    interface Send {
        void run() throws Exception;
    }
}
