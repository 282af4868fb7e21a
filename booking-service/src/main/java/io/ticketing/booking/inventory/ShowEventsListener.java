package io.ticketing.booking.inventory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.booking.sale.Bookings;
import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.catalog.ShowCancelled;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.catalog.ShowUpdated;
import io.ticketing.starter.messaging.EventInbox;

/**
 * Stocks the seats of every scheduled show, follows its moves and, when the catalog cancels it, cancels its
 * bookings; once per event however often Kafka delivers it.
 */
@Component
class ShowEventsListener {

    private static final String CONSUMER = "booking-service.show-events";

    private final EventInbox inbox;
    private final Inventory inventory;
    private final Bookings bookings;

    ShowEventsListener(EventInbox inbox, Inventory inventory, Bookings bookings) {
        this.inbox = inbox;
        this.inventory = inventory;
        this.bookings = bookings;
    }

    @KafkaListener(topics = Topics.CATALOG_SHOW_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        switch (record.value()) {
            case ShowScheduled scheduled -> inbox.handle(CONSUMER, scheduled, () -> inventory.stock(scheduled));
            case ShowUpdated updated -> inbox.handle(CONSUMER, updated,
                    () -> inventory.move(updated.showId(), updated.startsAt(), updated.endsAt(), updated.version()));
            case ShowCancelled cancelled -> inbox.handle(CONSUMER, cancelled, bookings.transactions(),
                    () -> bookings.cancelShow(cancelled.showId()));
            case null, default -> {
            }
        }
    }
}
