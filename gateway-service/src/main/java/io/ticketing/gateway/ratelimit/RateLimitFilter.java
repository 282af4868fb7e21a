package io.ticketing.gateway.ratelimit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.netty.channel.Channel;
import io.ticketing.gateway.access.AccessFilter;
import io.ticketing.gateway.access.AccessProperties;
import io.ticketing.gateway.access.CustomerSession;
import io.ticketing.gateway.web.ClientAddress;
import io.ticketing.gateway.web.Problems;
import io.ticketing.gateway.webapp.WebApp;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Limits every API key, every customer session and, for requests without a key, every client address to its rate.
 * Answers with the {@code RateLimit-*} headers of the IETF draft on every limited request, and with {@code 429} plus
 * {@code Retry-After} when a bucket is empty. Runs after {@link AccessFilter}, which has identified the caller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RateLimitFilter implements WebFilter {

    private static final String STRIPE_WEBHOOKS = "/api/v1/payments/webhooks/";

    private final RateLimiter limiter;
    private final RateLimitProperties defaults;
    private final Problems problems;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties defaults, Problems problems) {
        this.limiter = limiter;
        this.defaults = defaults;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        AccessProperties.ApiKey client = exchange.getAttribute(AccessFilter.CLIENT_ATTRIBUTE);
        List<Mono<RateLimiter.Decision>> checks = new ArrayList<>(2);
        if (client == null) {
            // probes, Stripe's webhooks (a rush of payments arrives from a few of Stripe's addresses; payment-service
            // checks each signature) and the web app's static files (an on-sale's crowd loads them at once, many from
            // behind one carrier's address) are never limited; anything else without a key is limited per client address
            String path = exchange.getRequest().getPath().value();
            if (path.startsWith("/actuator/") || path.startsWith(STRIPE_WEBHOOKS) || WebApp.isAsset(path)) {
                return chain.filter(exchange);
            }
            checks.add(limiter.take("client:" + ClientAddress.of(exchange), defaults.perClient()));
            return decide(exchange, chain, checks);
        }
        checks.add(limiter.takeShared("key:" + client.name(), limitOf(client)));
        CustomerSession session = exchange.getAttribute(AccessFilter.SESSION_ATTRIBUTE);
        if (session != null) {
            checks.add(limiter.take("customer:" + session.customerId(), defaults.perCustomer()));
        }
        return decide(exchange, chain, checks);
    }

    /** Takes from all buckets at once (while Redis is away a call waits one timeout, not two); the tightest decides. */
    private Mono<Void> decide(ServerWebExchange exchange, WebFilterChain chain,
            List<Mono<RateLimiter.Decision>> checks) {
        return Flux.merge(checks).collectList().flatMap(decisions -> {
            RateLimiter.Decision tightest = decisions.stream()
                    .min(Comparator.comparing(RateLimiter.Decision::allowed).thenComparing(RateLimiter.Decision::remaining))
                    .orElseThrow();
            HttpHeaders headers = exchange.getResponse().getHeaders();
            long resetSeconds = tightest.resetSeconds();
            headers.set("RateLimit-Limit", String.valueOf(tightest.limit().burst()));
            headers.set("RateLimit-Remaining", String.valueOf(tightest.remaining()));
            headers.set("RateLimit-Reset", String.valueOf(resetSeconds));
            if (!tightest.allowed()) {
                headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(resetSeconds));
                return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                        "Too many requests; retry after " + resetSeconds + " s");
            }
            return onRequestEventLoop(ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()),
                    Mono.defer(() -> chain.filter(exchange)));
        });
    }

    /**
     * Goes on with the request ({@code rest}) on the event loop that received it. An answer from Redis arrives on the
     * one thread of the limiter's connection, and the rest of the request (routing, the call to the service) would
     * otherwise run there too: every request of the instance queued behind one thread, whatever the number of cores.
     * A client that went away while Redis answered has no event loop any more, and nothing is left to do for it.
     */
    static Mono<Void> onRequestEventLoop(Object nativeRequest, Mono<Void> rest) {
        if (nativeRequest instanceof Connection connection) {
            Channel channel = connection.channel();
            if (!channel.isRegistered()) {
                return Mono.empty();
            }
            if (!channel.eventLoop().inEventLoop()) {
                return rest.subscribeOn(Schedulers.fromExecutor(channel.eventLoop()));
            }
        }
        return rest;
    }

    private RateLimitProperties.Limit limitOf(AccessProperties.ApiKey client) {
        if (client.requestsPerSecond() == null && client.burst() == null) {
            return defaults.perKey();
        }
        int rate = client.requestsPerSecond() != null ? client.requestsPerSecond() : defaults.perKey().requestsPerSecond();
        int burst = client.burst() != null ? client.burst() : Math.max(rate, defaults.perKey().burst());
        return new RateLimitProperties.Limit(rate, burst);
    }
}
