package io.ticketing.reservation.hold;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.starter.messaging.EventInbox;

/** Mirrors booking-service's sales in the seat map: sold seats, and seats of cancelled bookings back on sale. */
@Component
class BookingEventsListener {

    private static final String CONSUMER = "reservation-service.booking-events";

    private final EventInbox inbox;
    private final Sales sales;

    BookingEventsListener(EventInbox inbox, Sales sales) {
        this.inbox = inbox;
        this.sales = sales;
    }

    @KafkaListener(topics = Topics.BOOKING_BOOKING_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        switch (record.value()) {
            case BookingConfirmed confirmed -> inbox.handle(CONSUMER, confirmed, () -> sales.sold(confirmed));
            case BookingCancelled cancelled -> inbox.handle(CONSUMER, cancelled, () -> sales.unsold(cancelled));
            case null, default -> {
            }
        }
    }
}
