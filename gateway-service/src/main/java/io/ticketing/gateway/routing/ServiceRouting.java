package io.ticketing.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.web.server.ServerWebExchange;

import reactor.netty.http.client.HttpClient;

/**
 * Spring Cloud Gateway's routing to the services, with a time limit that holds until the answer's end. The gateway's
 * own response timeout ends when the service's response headers arrive: a service that sent its headers and then
 * stalled (paused, starved of CPU) held the request for as long as it stalled, 91 s once in the chaos audit against a
 * 30 s limit. Here the HTTP client's response timeout bounds every wait for the service once the request is sent, the
 * body's included: {@code ticketing.gateway.response-timeout} (30 s), or the route's {@link #TIME_LIMIT} (a long
 * poll's 45 s; below zero, none: a stream). That is the only timer of a request, one on the connection's event loop,
 * where Spring Cloud Gateway's own (off: no {@code httpclient.response-timeout}) took a shared scheduler's. A route's
 * client is made once, not copied for every request (connect timeout included).
 */
class ServiceRouting extends NettyRoutingFilter {

    /** Route metadata: the route's time limit in milliseconds, below zero for none. */
    static final String TIME_LIMIT = "ticketing.time-limit";

    private final Duration responseTimeout;
    /** By route id: the routes are built once, in code ({@link Routes}). */
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    ServiceRouting(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties, Duration responseTimeout) {
        super(httpClient, headersFilters, properties);
        this.responseTimeout = responseTimeout;
    }

    @Override
    protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
        return clients.computeIfAbsent(route.getId(), id -> {
            HttpClient client = super.getHttpClient(route, exchange);
            return timeLimit(route).map(client::responseTimeout).orElse(client);
        });
    }

    private Optional<Duration> timeLimit(Route route) {
        Object limit = route.getMetadata().get(TIME_LIMIT);
        if (limit == null) {
            return Optional.of(responseTimeout);
        }
        long millis = ((Number) limit).longValue();
        return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }
}
