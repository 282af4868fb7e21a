package io.ticketing.gateway.web;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

/**
 * Names the gateway's span of a proxied request after its route ({@code http post reservation-service}) rather than
 * only its method: the gateway has no handler mapping whose path pattern would name it. Span names only; the
 * {@code http.server.requests} metric keeps its tags.
 */
@Component
class RouteSpanNames implements ObservationFilter {

    @Override
    public Observation.Context map(Observation.Context context) {
        if (context instanceof ServerRequestObservationContext request
                && request.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) instanceof Route route) {
            request.setContextualName("http " + request.getCarrier().getMethod().name().toLowerCase() + " " + route.getId());
        }
        return context;
    }
}
