package io.ticketing.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code ticketing.gateway.max-body-size} with a 413 problem before they reach a
 * service: by the declared length at once, and for bodies sent without a length as soon as they grow too big.
 * Admin paths allow {@code ticketing.gateway.max-admin-body-size}: the seat layout of a 60,000-seat arena is
 * a few megabytes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class BodySizeLimitFilter implements WebFilter {

    private static final String ADMIN_PATHS = "/api/v1/admin/";

    private final long maxBytes;
    private final long maxAdminBytes;
    private final Problems problems;

    BodySizeLimitFilter(@Value("${ticketing.gateway.max-body-size:256KB}") DataSize maxBodySize,
            @Value("${ticketing.gateway.max-admin-body-size:8MB}") DataSize maxAdminBodySize, Problems problems) {
        this.maxBytes = maxBodySize.toBytes();
        this.maxAdminBytes = maxAdminBodySize.toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long maxBytes = exchange.getRequest().getPath().value().startsWith(ADMIN_PATHS) ? maxAdminBytes : this.maxBytes;
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "Request bodies are limited to " + maxBytes + " bytes");
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        var limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] seen = { 0 };
                return super.getBody().map(buffer -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > maxBytes) {
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                                "Request bodies are limited to " + maxBytes + " bytes");
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }
}
