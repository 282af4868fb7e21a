package io.ticketing.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.events.waiting.WaitlistOffered;
import io.ticketing.notification.mail.Mails;
import io.ticketing.notification.ticket.Tickets;
import io.ticketing.starter.messaging.EventInbox;

/**
 * What customers hear of: a confirmed booking gets its tickets and a mail with them, a cancelled one voids its
 * tickets and is confirmed by mail; waiting-list offers and refunds are mailed. Each event's effects commit together
 * with its inbox row, once however often it arrives.
 */
@Component
class CustomerEventsListener {

    private static final String BOOKINGS = "notification-service.booking-events";
    private static final String PAYMENTS = "notification-service.payment-events";
    private static final String WAITLIST = "notification-service.waitlist-events";

    private final EventInbox inbox;
    private final Tickets tickets;
    private final Mails mails;

    CustomerEventsListener(EventInbox inbox, Tickets tickets, Mails mails) {
        this.inbox = inbox;
        this.tickets = tickets;
        this.mails = mails;
    }

    @KafkaListener(topics = Topics.BOOKING_BOOKING_EVENTS)
    void onBooking(ConsumerRecord<String, IntegrationEvent> record) {
        switch (record.value()) {
            case BookingConfirmed confirmed -> inbox.handle(BOOKINGS, confirmed, () -> {
                if (tickets.issue(confirmed)) {
                    mails.bookingConfirmed(confirmed);
                }
            });
            case BookingCancelled cancelled -> inbox.handle(BOOKINGS, cancelled, () -> {
                tickets.cancelled(cancelled);
                mails.bookingCancelled(cancelled);
            });
            case null, default -> {
            }
        }
    }

    @KafkaListener(topics = Topics.PAYMENT_PAYMENT_EVENTS)
    void onPayment(ConsumerRecord<String, IntegrationEvent> record) {
        if (record.value() instanceof PaymentRefunded refunded) {
            inbox.handle(PAYMENTS, refunded, () -> mails.paymentRefunded(refunded));
        }
    }

    @KafkaListener(topics = Topics.WAITING_WAITLIST_EVENTS)
    void onWaitlist(ConsumerRecord<String, IntegrationEvent> record) {
        if (record.value() instanceof WaitlistOffered offered) {
            inbox.handle(WAITLIST, offered, () -> mails.waitlistOffered(offered));
        }
    }
}
