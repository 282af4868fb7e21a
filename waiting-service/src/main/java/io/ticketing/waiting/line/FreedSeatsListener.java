package io.ticketing.waiting.line;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.reservation.HoldExpired;
import io.ticketing.events.reservation.HoldReleased;
import io.ticketing.events.reservation.SeatsKept;
import io.ticketing.starter.messaging.ConsumerFailures;

/**
 * Serves a show's line when seats came free: a hold released or expired, or seats kept for the line otherwise
 * (a cancelled booking, a seat map rebuilt after Redis lost it). All come from reservation-service once its seats
 * have changed, so serving finds them kept. Events are keyed by show, so one consumer takes a show's events in
 * order; serving again after a redelivery changes nothing that is served already. Records come in batches, and a
 * show is served once per batch however many of its seats came free in it: most of the topic's events (seats held)
 * need nothing here. The serve is told when the first of the show's seats in the batch came free (the event's
 * {@code occurredAt}), which its offers are timed from.
 */
@Component
class FreedSeatsListener {

    private final Serving serving;

    FreedSeatsListener(Serving serving) {
        this.serving = serving;
    }

    @KafkaListener(topics = Topics.RESERVATION_HOLD_EVENTS, containerFactory = ConsumerFailures.BATCH_LISTENERS)
    void on(List<ConsumerRecord<String, IntegrationEvent>> records) {
        ConsumerFailures.applyReadable(records, readable -> {
            Map<UUID, Instant> freed = new LinkedHashMap<>();
            for (var record : readable) {
                switch (record.value()) {
                    case HoldReleased released -> freed(freed, released.showId(), released.occurredAt());
                    case HoldExpired expired -> freed(freed, expired.showId(), expired.occurredAt());
                    case SeatsKept kept -> freed(freed, kept.showId(), kept.occurredAt());
                    case null, default -> {
                    }
                }
            }
            freed.forEach(serving::serve);
        });
    }

    /** Seats of the show came free at {@code at}: the earliest time of a batch is kept. */
    private static void freed(Map<UUID, Instant> freed, UUID showId, Instant at) {
        if (at == null) {
            freed.putIfAbsent(showId, null);
        }
        else {
            freed.merge(showId, at, (earlier, later) -> later.isBefore(earlier) ? later : earlier);
        }
    }
}
