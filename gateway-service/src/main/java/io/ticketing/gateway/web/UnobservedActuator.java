package io.ticketing.gateway.web;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

/** The probes' and Prometheus's requests to the actuator (the management port) are neither traced nor timed. */
@Component
class UnobservedActuator implements ObservationPredicate {

    @Override
    public boolean test(String name, Observation.Context context) {
        return !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getPath().value().startsWith("/actuator/"));
    }
}
