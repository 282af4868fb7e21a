package io.ticketing.booking.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.booking.inventory.Inventory;
import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.starter.messaging.EventInbox;

/** Stocks the seats of every scheduled show, once per event however often Kafka delivers it. */
@Component
class ShowEventsListener {

    private static final String CONSUMER = "booking-service.show-events";

    private final EventInbox inbox;
    private final Inventory inventory;

    ShowEventsListener(EventInbox inbox, Inventory inventory) {
        this.inbox = inbox;
        this.inventory = inventory;
    }

    @KafkaListener(topics = Topics.CATALOG_SHOW_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        if (record.value() instanceof ShowScheduled scheduled) {
            inbox.handle(CONSUMER, scheduled, () -> inventory.stock(scheduled));
        }
    }
}
