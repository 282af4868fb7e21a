package io.ticketing.booking.sale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.payment.PaymentSucceeded;
import io.ticketing.starter.messaging.EventInbox;

/**
 * Turns payments into bookings, once per payment however often it arrives: the inbox row commits with the booking,
 * in its SERIALIZABLE transaction.
 */
@Component
class PaymentEventsListener {

    private static final String CONSUMER = "booking-service.payment-events";

    private final EventInbox inbox;
    private final Bookings bookings;

    PaymentEventsListener(EventInbox inbox, Bookings bookings) {
        this.inbox = inbox;
        this.bookings = bookings;
    }

    @KafkaListener(topics = Topics.PAYMENT_PAYMENT_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        if (record.value() instanceof PaymentSucceeded payment) {
            inbox.handle(CONSUMER, payment, bookings.transactions(), () -> bookings.confirm(payment));
        }
    }
}
