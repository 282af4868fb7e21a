package io.ticketing.gateway.admission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the gateway reads from waiting-service which shows have a waiting room on (and reports the holds it let
 * through): a room opened or closed applies on every instance within this time.
 * {@code TICKETING_GATEWAY_ADMISSION_REFRESH_INTERVAL=1s} and so on.
 */
@ConfigurationProperties("ticketing.gateway.admission")
public record AdmissionProperties(@DefaultValue("500ms") Duration refreshInterval) {

    public AdmissionProperties {
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("ticketing.gateway.admission.refresh-interval must be positive");
        }
    }
}
