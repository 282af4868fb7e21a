package io.ticketing.waiting.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.reservation.HoldExpired;
import io.ticketing.events.reservation.HoldReleased;
import io.ticketing.events.reservation.SeatsKept;
import io.ticketing.waiting.line.Serving;

/**
 * Serves a show's line when seats came free: a hold released or expired, or seats kept for the line otherwise
 * (a cancelled booking, a seat map rebuilt after Redis lost it). All come from reservation-service once its seats
 * have changed, so serving finds them kept. Events are keyed by show, so one consumer takes a show's events in
 * order; serving again after a redelivery changes nothing that is served already.
 */
@Component
class FreedSeatsListener {

    private final Serving serving;

    FreedSeatsListener(Serving serving) {
        this.serving = serving;
    }

    @KafkaListener(topics = Topics.RESERVATION_HOLD_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        switch (record.value()) {
            case HoldReleased released -> serving.serve(released.showId());
            case HoldExpired expired -> serving.serve(expired.showId());
            case SeatsKept kept -> serving.serve(kept.showId());
            case null, default -> {
            }
        }
    }
}
