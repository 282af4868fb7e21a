package io.ticketing.reservation.availability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param availabilityInterval a show's availability is reported at most this often, however fast its seats
 *        change: browsing needs a recent count, not every change
 */
@ConfigurationProperties("ticketing.reservation")
public record AvailabilityProperties(@DefaultValue("PT1S") Duration availabilityInterval) {
}
