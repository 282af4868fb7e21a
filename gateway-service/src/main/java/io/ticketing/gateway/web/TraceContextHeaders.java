package io.ticketing.gateway.web;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Passes the trace on to the service: the proxied request carries the W3C context of the gateway's own span for
 * this request (its {@code http.server.requests} observation), so the service's spans are its children. This is the
 * one part of Spring Cloud Gateway's observability the gateway keeps: that option also times and traces every
 * proxied call again as a client span, which its own server span and the service's already cover, at a cost per
 * request on the hot path (issue 14). A trace context the client sent is replaced, never passed on as is. On the
 * routes to the services this is done within the one copy of the request's headers that {@code ServiceHeaders} makes.
 */
@Component
public class TraceContextHeaders implements HttpHeadersFilter {

    private final Propagator propagator;

    public TraceContextHeaders(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(input);
        replace(headers, exchange);
        return headers;
    }

    /** Replaces the trace context in {@code headers}, a copy of the request's, by that of the exchange's span. */
    public void replace(HttpHeaders headers, ServerWebExchange exchange) {
        propagator.fields().forEach(headers::remove);
        currentSpan(exchange).ifPresent(span -> propagator.inject(span.context(), headers, HttpHeaders::set));
    }

    /** The span of the gateway's observation of this request, if it is traced. */
    static Optional<Span> currentSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan);
    }
}
