package io.ticketing.notification.mail;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.waiting.WaitlistOffered;
import io.ticketing.starter.messaging.EventInbox;

/**
 * Waiting-list offers are mailed: the mail commits together with the event's inbox row, once however often it
 * arrives.
 */
@Component
class WaitlistEventsListener {

    private static final String CONSUMER = "notification-service.waitlist-events";

    private final EventInbox inbox;
    private final Mails mails;

    WaitlistEventsListener(EventInbox inbox, Mails mails) {
        this.inbox = inbox;
        this.mails = mails;
    }

    @KafkaListener(topics = Topics.WAITING_WAITLIST_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        if (record.value() instanceof WaitlistOffered offered) {
            inbox.handle(CONSUMER, offered, () -> mails.waitlistOffered(offered));
        }
    }
}
