package io.ticketing.events;

import java.util.List;
import java.util.stream.Stream;

/**
 * Kafka topic names, one per publishing aggregate ({@code <service>.<aggregate>-events}). Events whose
 * order matters are keyed by show id, so all events of one show land on one partition.
 */
public final class Topics {

    public static final String CATALOG_SHOW_EVENTS = "catalog.show-events";
    /** Changes of cities, cinemas, halls and movies; read by the catalog's own search index and caches. */
    public static final String CATALOG_CATALOG_EVENTS = "catalog.catalog-events";
    public static final String RESERVATION_HOLD_EVENTS = "reservation.hold-events";
    public static final String BOOKING_BOOKING_EVENTS = "booking.booking-events";
    public static final String WAITING_WAITLIST_EVENTS = "waiting.waitlist-events";
    public static final String PAYMENT_PAYMENT_EVENTS = "payment.payment-events";
    public static final String NOTIFICATION_TICKET_EVENTS = "notification.ticket-events";

    /** The services that consume events, each with a dead-letter topic of its own ({@link #deadLetters(String)}). */
    public static final List<String> CONSUMERS = List.of("catalog-service", "reservation-service", "booking-service",
            "waiting-service", "payment-service", "notification-service");

    /** Every topic of the platform, for tooling that creates them up front. */
    public static final List<String> ALL = Stream.concat(Stream.of(CATALOG_SHOW_EVENTS, CATALOG_CATALOG_EVENTS,
            RESERVATION_HOLD_EVENTS, BOOKING_BOOKING_EVENTS, WAITING_WAITLIST_EVENTS, PAYMENT_PAYMENT_EVENTS,
            NOTIFICATION_TICKET_EVENTS), CONSUMERS.stream().map(Topics::deadLetters)).toList();

    /** Partitions per topic: enough for several consumer instances, small enough for one broker. */
    public static final int PARTITIONS = 6;

    private Topics() {
    }

    /**
     * Where a service's consumers put the events they can never apply (unreadable, or breaking their contract):
     * {@code <service>.dead-letters}, e.g. {@code booking.dead-letters} for {@code booking-service}.
     */
    public static String deadLetters(String service) {
        return service.replaceFirst("-service$", "") + ".dead-letters";
    }
}
