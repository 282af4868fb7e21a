package io.ticketing.notification.mail;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.starter.messaging.EventInbox;

/** Refunds are mailed: the mail commits together with the event's inbox row, once however often it arrives. */
@Component
class PaymentEventsListener {

    private static final String CONSUMER = "notification-service.payment-events";

    private final EventInbox inbox;
    private final Mails mails;

    PaymentEventsListener(EventInbox inbox, Mails mails) {
        this.inbox = inbox;
        this.mails = mails;
    }

    @KafkaListener(topics = Topics.PAYMENT_PAYMENT_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        if (record.value() instanceof PaymentRefunded refunded) {
            inbox.handle(CONSUMER, refunded, () -> mails.paymentRefunded(refunded));
        }
    }
}
