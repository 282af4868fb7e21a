package io.ticketing.reservation.hold;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.payment.PaymentFailed;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.starter.messaging.EventInbox;

/**
 * Follows payments in the hold's status: a failed payment puts the hold back to {@code HELD} (it may be paid again
 * until it ends), a refunded one that never became a booking makes it {@code REFUNDED}.
 */
@Component
class PaymentEventsListener {

    private static final String CONSUMER = "reservation-service.payment-events";

    private final EventInbox inbox;
    private final Holds holds;

    PaymentEventsListener(EventInbox inbox, Holds holds) {
        this.inbox = inbox;
        this.holds = holds;
    }

    @KafkaListener(topics = Topics.PAYMENT_PAYMENT_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        switch (record.value()) {
            case PaymentFailed failed -> inbox.handle(CONSUMER, failed, () -> holds.paymentFailed(failed));
            case PaymentRefunded refunded -> inbox.handle(CONSUMER, refunded, () -> holds.refunded(refunded));
            case null, default -> {
            }
        }
    }
}
