package io.ticketing.reservation.seating;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.catalog.ShowCancelled;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.catalog.ShowUpdated;
import io.ticketing.starter.messaging.EventInbox;

/**
 * Opens the seat map of every scheduled show and follows its changes and cancellation, once per event
 * however often Kafka delivers it.
 */
@Component
class ShowEventsListener {

    private static final String CONSUMER = "reservation-service.show-events";

    private final EventInbox inbox;
    private final SeatingPlans plans;

    ShowEventsListener(EventInbox inbox, SeatingPlans plans) {
        this.inbox = inbox;
        this.plans = plans;
    }

    @KafkaListener(topics = Topics.CATALOG_SHOW_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        switch (record.value()) {
            case ShowScheduled scheduled -> inbox.handle(CONSUMER, scheduled, () -> plans.open(scheduled));
            case ShowUpdated updated -> inbox.handle(CONSUMER, updated, () -> plans.update(updated));
            case ShowCancelled cancelled -> inbox.handle(CONSUMER, cancelled, () -> plans.cancel(cancelled.showId()));
            case null, default -> {
            }
        }
    }
}
