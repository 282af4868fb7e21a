package io.ticketing.booking.inventory;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.reservation.SeatsBlocked;
import io.ticketing.events.reservation.SeatsHeld;
import io.ticketing.events.reservation.SeatsUnblocked;
import io.ticketing.starter.messaging.ConsumerFailures;
import io.ticketing.starter.messaging.EventInbox;

/**
 * Keeps what the sale needs to know of reservations: the newest hold's fencing token per seat, and the seats the venue
 * blocked. Each event has one effect however often it arrives.
 */
@Component
class HoldEventsListener {

    private static final String CONSUMER = "booking-service.hold-events";

    private final EventInbox inbox;
    private final Inventory inventory;

    HoldEventsListener(EventInbox inbox, Inventory inventory) {
        this.inbox = inbox;
        this.inventory = inventory;
    }

    /**
     * Hold events come in batches: the holds of a burst claim their seats in one transaction, one statement. A block
     * or an unblock is applied on its own, in its place among them.
     */
    @KafkaListener(topics = Topics.RESERVATION_HOLD_EVENTS, containerFactory = ConsumerFailures.BATCH_LISTENERS)
    void on(List<ConsumerRecord<String, IntegrationEvent>> records) {
        ConsumerFailures.applyReadable(records, readable -> {
            List<SeatsHeld> held = new ArrayList<>();
            for (var record : readable) {
                switch (record.value()) {
                    case SeatsHeld hold -> held.add(hold);
                    case SeatsBlocked blocked -> {
                        claim(held);
                        inbox.handle(CONSUMER, blocked,
                                () -> inventory.block(blocked.showId(), blocked.seatIds(), true, blocked.version()));
                    }
                    case SeatsUnblocked unblocked -> {
                        claim(held);
                        inbox.handle(CONSUMER, unblocked, () -> inventory.block(unblocked.showId(),
                                unblocked.seatIds(), false, unblocked.version()));
                    }
                    case null, default -> {
                    }
                }
            }
            claim(held);
        });
    }

    private void claim(List<SeatsHeld> held) {
        inbox.handleAll(CONSUMER, held, inventory::claim);
        held.clear();
    }
}
