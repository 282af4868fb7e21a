package io.ticketing.events;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.ticketing.events.booking.BookingCancelled;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.booking.BookingRejected;
import io.ticketing.events.catalog.CatalogChanged;
import io.ticketing.events.catalog.ShowCancelled;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.catalog.ShowUpdated;
import io.ticketing.events.notification.TicketsIssued;
import io.ticketing.events.payment.PaymentFailed;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.events.payment.PaymentSucceeded;
import io.ticketing.events.reservation.HoldExpired;
import io.ticketing.events.reservation.HoldReleased;
import io.ticketing.events.reservation.SeatAvailabilityChanged;
import io.ticketing.events.reservation.SeatsBlocked;
import io.ticketing.events.reservation.SeatsHeld;
import io.ticketing.events.reservation.SeatsKept;
import io.ticketing.events.reservation.SeatsUnblocked;
import io.ticketing.events.waiting.WaitlistOffered;

/**
 * The registry of event type names. Producers put {@link IntegrationEvent#type()} into the
 * {@link #HEADER} record header; consumers look the Java type up here instead of trusting class names
 * sent over the wire.
 */
public final class EventTypes {

    /** Kafka record header holding the event type name. */
    public static final String HEADER = "event-type";

    private static final Map<String, Class<? extends IntegrationEvent>> BY_NAME = Stream
            .<Class<? extends IntegrationEvent>>of(ShowScheduled.class, ShowUpdated.class, ShowCancelled.class,
                    CatalogChanged.class, SeatAvailabilityChanged.class, SeatsHeld.class, HoldReleased.class,
                    HoldExpired.class, PaymentSucceeded.class, BookingConfirmed.class, BookingRejected.class,
                    BookingCancelled.class, SeatsBlocked.class, SeatsUnblocked.class, SeatsKept.class, PaymentFailed.class,
                    PaymentRefunded.class, WaitlistOffered.class, TicketsIssued.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static Optional<Class<? extends IntegrationEvent>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
