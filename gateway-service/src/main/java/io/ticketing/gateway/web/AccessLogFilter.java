package io.ticketing.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.ticketing.gateway.access.AccessFilter;
import io.ticketing.gateway.access.AccessProperties;
import io.ticketing.gateway.access.CustomerSession;
import reactor.core.publisher.Mono;

/**
 * One line per request: method, path (without query, which may hold personal data), status, time, the
 * calling app's key name, the customer id, the request id and the trace id — never a key, a token or a header value.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLogFilter implements WebFilter {

    private static final Logger access = LoggerFactory.getLogger("io.ticketing.gateway.access-log");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = RequestIdFilter.arrivedNanos(exchange);
        return chain.filter(exchange).doFinally(signal -> {
            AccessProperties.ApiKey client = exchange.getAttribute(AccessFilter.CLIENT_ATTRIBUTE);
            CustomerSession session = exchange.getAttribute(AccessFilter.SESSION_ATTRIBUTE);
            var status = exchange.getResponse().getStatusCode();
            access.info("{} {} {} {}ms client={} customer={} requestId={} traceId={}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), status == null ? "-" : status.value(),
                    (System.nanoTime() - started) / 1_000_000, client == null ? "-" : client.name(),
                    session == null ? "-" : session.customerId(), RequestIdFilter.of(exchange),
                    TraceContextHeaders.currentSpan(exchange).map(span -> span.context().traceId()).orElse("-"));
        });
    }
}
