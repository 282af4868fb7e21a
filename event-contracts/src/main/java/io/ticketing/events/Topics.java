package io.ticketing.events;

import java.util.List;

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

    /** Every topic of the platform, for tooling that creates them up front. */
    public static final List<String> ALL = List.of(CATALOG_SHOW_EVENTS, CATALOG_CATALOG_EVENTS, RESERVATION_HOLD_EVENTS,
            BOOKING_BOOKING_EVENTS, WAITING_WAITLIST_EVENTS, PAYMENT_PAYMENT_EVENTS, NOTIFICATION_TICKET_EVENTS);

    /** Partitions per topic: enough for several consumer instances, small enough for one broker. */
    public static final int PARTITIONS = 6;

    private Topics() {
    }
}
