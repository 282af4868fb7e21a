package io.ticketing.gateway.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import io.ticketing.gateway.web.TraceContextHeaders;

/**
 * The headers a service receives, made in one copy of the request's: without the hop-by-hop headers (Spring Cloud
 * Gateway's list and those the request's {@code Connection} names), without the {@code Forwarded} and
 * {@code X-Forwarded-*} headers a client sent, with the gateway's trace context in place of the client's. Spring
 * Cloud Gateway's own filters do each of these on a copy of its own, one after the other: four copies of every
 * request's headers (a case-insensitive map, its keys lower-cased again, lists), about a fifth of what the gateway
 * allocated per proxied request (issue 19). This one takes their place in the request's filters
 * ({@link #inPlaceOf}), only for those present, so that a deployment that trusts its proxies' forwarded headers keeps
 * them. An answer's headers still go through the hop-by-hop filter itself.
 */
final class ServiceHeaders implements HttpHeadersFilter, Ordered {

    private static final String FORWARDED = "forwarded";
    private static final String X_FORWARDED = "x-forwarded-";

    private final RemoveHopByHopHeadersFilter hopByHop;
    private final boolean dropForwarded;
    private final boolean dropXForwarded;
    private final TraceContextHeaders traceContext;

    private ServiceHeaders(RemoveHopByHopHeadersFilter hopByHop, boolean dropForwarded, boolean dropXForwarded,
            TraceContextHeaders traceContext) {
        this.hopByHop = hopByHop;
        this.dropForwarded = dropForwarded;
        this.dropXForwarded = dropXForwarded;
        this.traceContext = traceContext;
    }

    /**
     * {@code filters} with this one where the hop-by-hop filter was, the forwarded headers' and trace context's
     * filters it does the work of left out; {@code filters} as they are without a hop-by-hop filter.
     */
    static List<HttpHeadersFilter> inPlaceOf(List<HttpHeadersFilter> filters) {
        RemoveHopByHopHeadersFilter hopByHop = null;
        int hopByHopAt = 0;
        boolean dropForwarded = false;
        boolean dropXForwarded = false;
        TraceContextHeaders traceContext = null;
        List<HttpHeadersFilter> kept = new ArrayList<>(filters.size() + 1);
        for (HttpHeadersFilter filter : filters) {
            switch (filter) {
                case RemoveHopByHopHeadersFilter found -> {
                    hopByHop = found;
                    hopByHopAt = kept.size();
                }
                case RemoveForwardedHeadersFilter found -> dropForwarded = true;
                case RemoveXForwardedHeadersFilter found -> dropXForwarded = true;
                case TraceContextHeaders found -> traceContext = found;
                default -> kept.add(filter);
            }
        }
        if (hopByHop == null) {
            return filters;
        }
        kept.addAll(hopByHopAt, List.of(new ServiceHeaders(hopByHop, dropForwarded, dropXForwarded, traceContext),
                new AnswersOnly(hopByHop)));
        return List.copyOf(kept);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Set<String> dropped = hopByHop.getHeaders();
        List<String> connection = input.getConnection();
        if (!connection.isEmpty()) {
            dropped = new HashSet<>(dropped);
            for (String option : connection) {
                dropped.add(option.toLowerCase(Locale.ROOT));
            }
        }
        HttpHeaders headers = new HttpHeaders();
        for (Map.Entry<String, List<String>> header : input.headerSet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!dropped.contains(name) && !(dropForwarded && name.equals(FORWARDED))
                    && !(dropXForwarded && name.startsWith(X_FORWARDED))) {
                headers.addAll(header.getKey(), header.getValue());
            }
        }
        if (traceContext != null) {
            traceContext.replace(headers, exchange);
        }
        return headers;
    }

    @Override
    public int getOrder() {
        return hopByHop.getOrder();
    }

    /** The hop-by-hop filter for answers only: this one does its work on requests. */
    private record AnswersOnly(RemoveHopByHopHeadersFilter hopByHop) implements HttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            return hopByHop.filter(input, exchange);
        }

        @Override
        public boolean supports(Type type) {
            return type == Type.RESPONSE;
        }

        @Override
        public int getOrder() {
            return hopByHop.getOrder();
        }
    }
}
