package io.ticketing.booking.sale;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxSeats seats one customer may buy for one show, across all their bookings
 * @param fullRefundBefore a cancellation at least this long before the show is refunded in full; later ones,
 *        until the show starts, are refunded nothing
 * @param maxAttempts how often a transaction that lost a serialization conflict is tried in all
 */
@ConfigurationProperties("ticketing.booking")
public record SaleProperties(@DefaultValue("10") int maxSeats, @DefaultValue("PT2H") Duration fullRefundBefore,
        @DefaultValue("12") int maxAttempts) {
}
