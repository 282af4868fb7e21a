package io.ticketing.gateway.ratelimit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.ticketing.gateway.access.AccessFilter;
import io.ticketing.gateway.access.CustomerSession;
import io.ticketing.gateway.web.ClientAddress;
import io.ticketing.gateway.web.Problems;
import reactor.core.publisher.Mono;

/**
 * Caps the live streams (a show's seat map, a place in a waiting line or in a waiting room) one customer, or one
 * client address without a session, holds open on this instance: a stream holds a connection here and in the service
 * for as long as it lasts, so a script opening thousands would take them from everyone else. The stream beyond the
 * cap is {@code 429 TOO_MANY_STREAMS}; closing one makes room at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class StreamLimitFilter implements WebFilter {

    private static final List<PathPattern> STREAMS = List.of(
            PathPatternParser.defaultInstance.parse("/api/v1/shows/*/seats/stream"),
            PathPatternParser.defaultInstance.parse("/api/v1/waitlist/*/stream"),
            PathPatternParser.defaultInstance.parse("/api/v1/queue/*/stream"));
    private static final String RETRY_AFTER_SECONDS = "5";

    private final RateLimitProperties.Streams limits;
    private final Problems problems;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    StreamLimitFilter(RateLimitProperties properties, Problems problems) {
        this.limits = properties.streams();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (STREAMS.stream().noneMatch(pattern -> pattern.matches(path))) {
            return chain.filter(exchange);
        }
        CustomerSession session = exchange.getAttribute(AccessFilter.SESSION_ATTRIBUTE);
        String holder = session != null ? "customer:" + session.customerId() : "client:" + ClientAddress.of(exchange);
        int limit = session != null ? limits.perCustomer() : limits.perClient();
        if (open.merge(holder, 1, Integer::sum) > limit) {
            release(holder);
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_STREAMS",
                    (session != null ? "This customer has " : "This address has ") + limit
                            + " live streams open already; close one first");
        }
        return chain.filter(exchange).doFinally(signal -> release(holder));
    }

    private void release(String holder) {
        open.computeIfPresent(holder, (key, count) -> count > 1 ? count - 1 : null);
    }
}
