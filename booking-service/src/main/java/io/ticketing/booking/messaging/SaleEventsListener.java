package io.ticketing.booking.messaging;

import java.util.ArrayList;
import java.util.List;

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
import io.ticketing.starter.messaging.ConsumerFailures;
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

    /**
     * Hold events come in batches: the holds of a burst claim their seats in one transaction, one statement. A block
     * or an unblock is applied on its own, in its place among them.
     */
    @KafkaListener(topics = Topics.RESERVATION_HOLD_EVENTS, containerFactory = ConsumerFailures.BATCH_LISTENERS)
    void onHolds(List<ConsumerRecord<String, IntegrationEvent>> records) {
        ConsumerFailures.applyReadable(records, readable -> {
            List<SeatsHeld> held = new ArrayList<>();
            for (var record : readable) {
                switch (record.value()) {
                    case SeatsHeld hold -> held.add(hold);
                    case SeatsBlocked blocked -> {
                        claim(held);
                        inbox.handle(HOLDS, blocked,
                                () -> inventory.block(blocked.showId(), blocked.seatIds(), true, blocked.version()));
                    }
                    case SeatsUnblocked unblocked -> {
                        claim(held);
                        inbox.handle(HOLDS, unblocked,
                                () -> inventory.block(unblocked.showId(), unblocked.seatIds(), false, unblocked.version()));
                    }
                    case null, default -> {
                    }
                }
            }
            claim(held);
        });
    }

    private void claim(List<SeatsHeld> held) {
        inbox.handleAll(HOLDS, held, inventory::claim);
        held.clear();
    }
}
