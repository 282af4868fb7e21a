package io.ticketing.gateway.routing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;

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
    /** Route metadata: the service whose instances the route's requests go to in turn ({@link ServiceInstances}). */
    static final String SERVICE = "ticketing.service";
    /** Requests that may be sent again when the connection to an instance broke before it answered. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    private final Duration responseTimeout;
    private final ServiceInstances instances;
    /** By route id: the routes are built once, in code ({@link Routes}). */
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    /** The headers filters, with {@link ServiceHeaders} in place of those it does the work of; read once. */
    private volatile List<HttpHeadersFilter> headersFilters;

    ServiceRouting(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties, Duration responseTimeout, ServiceInstances instances) {
        super(httpClient, headersFilters, properties);
        this.responseTimeout = responseTimeout;
        this.instances = instances;
    }

    /**
     * A route to a service with several instances sends each request to the next ({@link ServiceInstances}), and to
     * the one after it in the request's own order ({@link ServiceInstances#turn}) when the request was never sent to
     * the instance, or, for an idempotent request, the connection to the instance broke (closed or reset) before it
     * answered: each instance at most once, and never once the answer has begun. A request that took the next instance
     * in turn for each attempt could meet the same one twice, as other requests take turns meanwhile: in the chaos
     * audit on two instances, a seat-map read reset by the instance just killed went to it again, refused, and
     * answered 503.
     */
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object service = route == null ? null : route.getMetadata().get(SERVICE);
        if (service == null || ServerWebExchangeUtils.isAlreadyRouted(exchange)) {
            return super.filter(exchange, chain);
        }
        URI url = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        return attempt(exchange, chain, (String) service, url, instances.turn((String) service), 0);
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, String service, URI url,
            List<URI> order, int tried) {
        URI instance = order.get(tried);
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, on(instance, url));
        return super.filter(exchange, chain).onErrorResume(error -> tried + 1 < order.size() && again(exchange, error),
                error -> {
                    if (ServiceInstances.neverReached(error)) {
                        instances.refused(service, instance);
                    }
                    ServerWebExchangeUtils.removeAlreadyRouted(exchange);
                    exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR);
                    exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
                    return attempt(exchange, chain, service, url, order, tried + 1);
                });
    }

    private static boolean again(ServerWebExchange exchange, Throwable error) {
        return !exchange.getResponse().isCommitted() && (ServiceInstances.neverSent(error)
                || IDEMPOTENT.contains(exchange.getRequest().getMethod()) && connectionBroke(error));
    }

    /**
     * Whether the connection to the instance broke before it answered: closed ({@link PrematureCloseException}, an
     * {@link IOException} too) or reset ("Connection reset by peer", which a {@code kill -9} of the instance can give
     * instead of a close: two seat-map reads answered 503 in the chaos audit on two instances). A timeout is not one:
     * the instance may still be working, and a second wait would double the caller's.
     */
    static boolean connectionBroke(Throwable error) {
        return ServiceInstances.anyCause(error, IOException.class::isInstance);
    }

    /** {@code url}'s path and query on {@code instance}. */
    private static URI on(URI instance, URI url) {
        String query = url.getRawQuery();
        return URI.create(instance.getScheme() + "://" + instance.getRawAuthority() + url.getRawPath()
                + (query == null ? "" : "?" + query));
    }

    @Override
    public List<HttpHeadersFilter> getHeadersFilters() {
        List<HttpHeadersFilter> filters = headersFilters;
        if (filters == null) {
            List<HttpHeadersFilter> all = super.getHeadersFilters();
            filters = all == null ? null : ServiceHeaders.inPlaceOf(all);
            headersFilters = filters;
        }
        return filters;
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
