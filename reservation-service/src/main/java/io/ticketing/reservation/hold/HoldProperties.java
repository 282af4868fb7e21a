package io.ticketing.reservation.hold;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param holdTtl how long a customer holds seats: the {@code expiresAt} they are shown
 * @param holdGrace how much longer the server keeps them, so a payment started at the last second still lands
 * @param maxSeatsPerHold seats in one hold
 * @param maxSeatsPerCustomer seats one customer may hold in one show at a time
 * @param sweepInterval how often expired holds are looked for
 */
@ConfigurationProperties("ticketing.reservation")
public record HoldProperties(@DefaultValue("PT5M") Duration holdTtl, @DefaultValue("PT5S") Duration holdGrace,
        @DefaultValue("10") int maxSeatsPerHold, @DefaultValue("10") int maxSeatsPerCustomer,
        @DefaultValue("PT0.25S") Duration sweepInterval) {
}
