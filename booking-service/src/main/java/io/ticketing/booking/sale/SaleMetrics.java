package io.ticketing.booking.sale;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.starter.metrics.AfterCommit;

/**
 * The sale's business meters: {@code ticketing.bookings} (each payment's decision, confirmed or rejected with its
 * reason) and {@code ticketing.bookings.cancelled} (by the customer or with the show). A decision counts when the
 * transaction that made it commits, so a serialization conflict's retry counts nothing twice, and a payment the
 * inbox drops as redelivered never gets here. Every counter is built once, up front.
 */
@Component
class SaleMetrics {

    /** Who cancelled a booking: the customer, or the catalog by cancelling its show. */
    enum CancelledBy {
        CUSTOMER, SHOW
    }

    private final Counter confirmed;
    private final Map<Bookings.Rejection, Counter> rejected = new EnumMap<>(Bookings.Rejection.class);
    private final Map<CancelledBy, Counter> cancelled = new EnumMap<>(CancelledBy.class);

    SaleMetrics(MeterRegistry registry) {
        this.confirmed = decision("confirmed", "none").register(registry);
        for (Bookings.Rejection reason : Bookings.Rejection.values()) {
            rejected.put(reason, decision("rejected", reason.name()).register(registry));
        }
        for (CancelledBy by : CancelledBy.values()) {
            cancelled.put(by, Counter.builder("ticketing.bookings.cancelled")
                    .description("Bookings cancelled, by the customer or with their cancelled show")
                    .tag("by", by.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    void confirmed() {
        AfterCommit.run(confirmed::increment);
    }

    void rejected(Bookings.Rejection reason) {
        AfterCommit.run(rejected.get(reason)::increment);
    }

    void cancelled(CancelledBy by) {
        AfterCommit.run(cancelled.get(by)::increment);
    }

    private static Counter.Builder decision(String outcome, String reason) {
        return Counter.builder("ticketing.bookings")
                .description("Paid holds decided: confirmed as bookings, or rejected (for a refund) with the reason")
                .tag("outcome", outcome).tag("reason", reason);
    }
}
