package io.ticketing.reservation.seating;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.Topics;
import io.ticketing.events.catalog.ShowCancelled;
import io.ticketing.events.catalog.ShowUpdated;

/**
 * Tells this instance's plan cache of every show change, whichever instance applies it: the show events' consumer
 * group ({@link ShowEventsListener}) hands each event to one instance only, and the others would sell at the old
 * prices or after a cancellation until their cached plan expired. Every instance listens in a consumer group of its
 * own from the latest offset (a starting instance has no plan cached yet).
 */
@Component
class PlanChangesListener {

    private final SeatingPlans plans;

    PlanChangesListener(SeatingPlans plans) {
        this.plans = plans;
    }

    @KafkaListener(id = "reservation-plan-changes",
            groupId = "#{'reservation-service.plan-changes-' + T(java.util.UUID).randomUUID()}",
            topics = Topics.CATALOG_SHOW_EVENTS, properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, IntegrationEvent> record) {
        switch (record.value()) {
            case ShowUpdated updated -> plans.changed(updated.showId(), updated.version(), false);
            case ShowCancelled cancelled -> plans.changed(cancelled.showId(), 0, true);
            case null, default -> {
            }
        }
    }
}
