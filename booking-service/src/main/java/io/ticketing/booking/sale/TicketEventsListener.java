package io.ticketing.booking.sale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.notification.TicketsIssued;
import io.ticketing.starter.messaging.EventInbox;

/** Keeps the e-tickets notification-service issued for bookings, once however often they arrive. */
@Component
class TicketEventsListener {

    private static final String CONSUMER = "booking-service.ticket-events";

    private final EventInbox inbox;
    private final Bookings bookings;

    TicketEventsListener(EventInbox inbox, Bookings bookings) {
        this.inbox = inbox;
        this.bookings = bookings;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_TICKET_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        if (record.value() instanceof TicketsIssued issued) {
            inbox.handle(CONSUMER, issued, () -> bookings.ticketsIssued(issued));
        }
    }
}
