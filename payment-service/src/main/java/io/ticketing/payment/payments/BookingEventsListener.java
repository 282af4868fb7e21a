package io.ticketing.payment.payments;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingRejected;
import io.ticketing.starter.messaging.EventInbox;

/**
 * Refunds what booking-service will not keep: the full amount of a payment it rejected (the seats were taken, the
 * show cancelled, ...), and what a cancelled booking is owed (nothing when cancelled too late). Each event records
 * its refund once (inbox); the refund is sent to the provider right after.
 */
@Component
class BookingEventsListener {

    private static final String CONSUMER = "payment-service.booking-events";
    private static final String BOOKING_CANCELLED = "BOOKING_CANCELLED";

    private final EventInbox inbox;
    private final Refunds refunds;

    BookingEventsListener(EventInbox inbox, Refunds refunds) {
        this.inbox = inbox;
        this.refunds = refunds;
    }

    @KafkaListener(topics = Topics.BOOKING_BOOKING_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        boolean recorded = switch (record.value()) {
            case BookingRejected rejected -> inbox.handle(CONSUMER, rejected,
                    () -> refunds.request(rejected.paymentId(), rejected.amount(), rejected.reason(), null));
            case BookingCancelled cancelled when cancelled.refundAmount().signum() > 0 -> inbox.handle(CONSUMER,
                    cancelled, () -> refunds.request(cancelled.paymentId(), cancelled.refundAmount(), BOOKING_CANCELLED,
                            cancelled.bookingId()));
            case null, default -> false;
        };
        if (recorded) {
            refunds.submitRequested();
        }
    }
}
