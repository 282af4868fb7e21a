package io.ticketing.booking.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.booking.inventory.Inventory;
import io.ticketing.booking.sale.Bookings;
import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.notification.TicketsIssued;
import io.ticketing.events.payment.PaymentSucceeded;
import io.ticketing.events.reservation.SeatsBlocked;
import io.ticketing.events.reservation.SeatsHeld;
import io.ticketing.events.reservation.SeatsUnblocked;
import io.ticketing.starter.messaging.EventInbox;

/**
 * Turns payments into bookings, keeps what the sale needs to know of reservations (the newest hold's
 * fencing token per seat and the seats the venue blocked) and the e-tickets issued for bookings. Each event has one effect however often it arrives;
 * a confirmation's inbox row commits with the booking, in its SERIALIZABLE transaction.
 */
@Component
class SaleEventsListener {

    private static final String PAYMENTS = "booking-service.payment-events";
    private static final String HOLDS = "booking-service.hold-events";
    private static final String TICKETS = "booking-service.ticket-events";

    private final EventInbox inbox;
    private final Bookings bookings;
    private final Inventory inventory;

    SaleEventsListener(EventInbox inbox, Bookings bookings, Inventory inventory) {
        this.inbox = inbox;
        this.bookings = bookings;
        this.inventory = inventory;
    }

    @KafkaListener(topics = Topics.PAYMENT_PAYMENT_EVENTS)
    void onPayment(ConsumerRecord<String, IntegrationEvent> record) {
        if (record.value() instanceof PaymentSucceeded payment) {
            inbox.handle(PAYMENTS, payment, bookings.transactions(), () -> bookings.confirm(payment));
        }
    }

    @KafkaListener(topics = Topics.NOTIFICATION_TICKET_EVENTS)
    void onTickets(ConsumerRecord<String, IntegrationEvent> record) {
        if (record.value() instanceof TicketsIssued issued) {
            inbox.handle(TICKETS, issued, () -> bookings.ticketsIssued(issued));
        }
    }

    @KafkaListener(topics = Topics.RESERVATION_HOLD_EVENTS)
    void onHold(ConsumerRecord<String, IntegrationEvent> record) {
        switch (record.value()) {
            case SeatsHeld held -> inbox.handle(HOLDS, held,
                    () -> inventory.claim(held.showId(), held.seatIds(), held.fencingToken()));
            case SeatsBlocked blocked -> inbox.handle(HOLDS, blocked,
                    () -> inventory.block(blocked.showId(), blocked.seatIds(), true, blocked.version()));
            case SeatsUnblocked unblocked -> inbox.handle(HOLDS, unblocked,
                    () -> inventory.block(unblocked.showId(), unblocked.seatIds(), false, unblocked.version()));
            case null, default -> {
            }
        }
    }
}
