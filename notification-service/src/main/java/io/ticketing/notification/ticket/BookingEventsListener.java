package io.ticketing.notification.ticket;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.notification.mail.Mails;
import io.ticketing.starter.messaging.EventInbox;

/**
 * A confirmed booking gets its tickets and a mail with them; a cancelled one voids its tickets and is confirmed by
 * mail. Each event's effects commit together with its inbox row, once however often it arrives.
 */
@Component
class BookingEventsListener {

    private static final String CONSUMER = "notification-service.booking-events";

    private final EventInbox inbox;
    private final Tickets tickets;
    private final Mails mails;

    BookingEventsListener(EventInbox inbox, Tickets tickets, Mails mails) {
        this.inbox = inbox;
        this.tickets = tickets;
        this.mails = mails;
    }

    @KafkaListener(topics = Topics.BOOKING_BOOKING_EVENTS)
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        switch (record.value()) {
            case BookingConfirmed confirmed -> inbox.handle(CONSUMER, confirmed, () -> {
                if (tickets.issue(confirmed)) {
                    mails.bookingConfirmed(confirmed);
                }
            });
            case BookingCancelled cancelled -> inbox.handle(CONSUMER, cancelled, () -> {
                tickets.cancelled(cancelled);
                mails.bookingCancelled(cancelled);
            });
            case null, default -> {
            }
        }
    }
}
