package io.ticketing.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request an id, passed on to the service as {@value #HEADER} and returned to the client, so a
 * customer's complaint can be traced through every log. A client-supplied id is kept only if it is safe to log. The
 * first filter, it also notes when the request arrived ({@link #arrivedNanos}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String ARRIVED_NANOS = RequestIdFilter.class.getName() + ".arrivedNanos";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(ARRIVED_NANOS, System.nanoTime());
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        // the service returns the id too: once the proxied headers are in, keep one
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        ServerWebExchange tagged = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, requestId)))
                .build();
        return chain.filter(tagged);
    }

    public static String of(ServerWebExchange exchange) {
        return exchange.getResponse().getHeaders().getFirst(HEADER);
    }

    /**
     * When the gateway first saw the request ({@link System#nanoTime()}), now if no filter noted it: what its time in
     * the access log and a waiting room's hold timing count from, the gateway's own filters (the session, the rate
     * limits) included.
     */
    public static long arrivedNanos(ServerWebExchange exchange) {
        Long arrived = exchange.getAttribute(ARRIVED_NANOS);
        return arrived == null ? System.nanoTime() : arrived;
    }
}
