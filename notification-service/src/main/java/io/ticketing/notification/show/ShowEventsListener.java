package io.ticketing.notification.show;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.catalog.ShowUpdated;
import io.ticketing.starter.messaging.EventInbox;

/** Keeps what tickets and mails say about each show: its movie, hall and (possibly moved) start. */
@Component
class ShowEventsListener {

    private static final String CONSUMER = "notification-service.show-events";

    private final EventInbox inbox;
    private final ShowRepository shows;

    ShowEventsListener(EventInbox inbox, ShowRepository shows) {
        this.inbox = inbox;
        this.shows = shows;
    }

    @KafkaListener(topics = Topics.CATALOG_SHOW_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        switch (record.value()) {
            case ShowScheduled scheduled -> inbox.handle(CONSUMER, scheduled, () -> shows.scheduled(scheduled));
            case ShowUpdated updated -> inbox.handle(CONSUMER, updated, () -> shows.updated(updated));
            case null, default -> {
            }
        }
    }
}
