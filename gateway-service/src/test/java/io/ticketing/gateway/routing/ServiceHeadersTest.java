package io.ticketing.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TransferEncodingNormalizationHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import io.ticketing.gateway.web.TraceContextHeaders;

class ServiceHeadersTest {

    /** What a client may send: ordinary headers, hop-by-hop ones, forwarded ones and a trace context of its own. */
    private static final MockServerHttpRequest REQUEST = MockServerHttpRequest.post("/api/v1/shows/s1/holds")
            .header("Content-Type", "application/json")
            .header("X-Request-Id", "r-1")
            .header("X-Admission-Token", "t-1")
            .header("Accept", "application/json", "application/problem+json")
            .header("Connection", "keep-alive, X-Secret")
            .header("X-Secret", "s")
            .header("Keep-Alive", "timeout=5")
            .header("TE", "trailers")
            .header("Trailer", "X-Checksum")
            .header("Upgrade", "h2c")
            .header("Proxy-Authorization", "Basic eA==")
            .header("Forwarded", "for=10.0.0.1")
            .header("X-Forwarded-For", "10.0.0.2")
            .header("x-forwarded-host", "evil.example")
            .header("X-Forwarded-Proto", "http")
            .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .header("tracestate", "vendor=1")
            .build();

    private final TraceContextHeaders traceContext = new TraceContextHeaders(provider(new FieldsOnly()));

    @Test
    void passesOnWhatSpringCloudGatewaysFiltersPassOnInOneCopy() {
        List<HttpHeadersFilter> gateways = List.of(new RemoveForwardedHeadersFilter(),
                new RemoveXForwardedHeadersFilter(), new TransferEncodingNormalizationHeadersFilter(),
                new RemoveHopByHopHeadersFilter(), traceContext);
        var exchange = MockServerWebExchange.from(REQUEST);

        HttpHeaders expected = HttpHeadersFilter.filterRequest(gateways, exchange);
        HttpHeaders actual = HttpHeadersFilter.filterRequest(ServiceHeaders.inPlaceOf(gateways), exchange);

        assertThat(entries(actual)).isEqualTo(entries(expected)).containsOnlyKeys("content-type", "x-request-id",
                "x-admission-token", "accept");
        assertThat(actual.get("Accept")).containsExactly("application/json", "application/problem+json");
    }

    @Test
    void takesThePlaceOfTheFiltersItDoesTheWorkOfAndLeavesTheOthers() {
        var hopByHop = new RemoveHopByHopHeadersFilter();
        var transferEncoding = new TransferEncodingNormalizationHeadersFilter();
        List<HttpHeadersFilter> combined = ServiceHeaders.inPlaceOf(List.of(new RemoveForwardedHeadersFilter(),
                new RemoveXForwardedHeadersFilter(), transferEncoding, hopByHop, traceContext));

        assertThat(combined).hasSize(3);
        assertThat(combined.get(0)).isSameAs(transferEncoding);
        assertThat(combined.get(1)).isInstanceOf(ServiceHeaders.class);
        assertThat(combined.stream().filter(filter -> filter.supports(HttpHeadersFilter.Type.REQUEST)))
                .as("one copy of a request's headers after the transfer encoding's check")
                .containsExactly(transferEncoding, combined.get(1));
    }

    @Test
    void keepsForwardedHeadersWhenTheDeploymentTrustsItsProxies() {
        // with trusted proxies Spring Cloud Gateway adds its forwarded filters instead of the removing ones
        List<HttpHeadersFilter> gateways = List.of(new RemoveHopByHopHeadersFilter());
        var exchange = MockServerWebExchange.from(REQUEST);

        HttpHeaders actual = HttpHeadersFilter.filterRequest(ServiceHeaders.inPlaceOf(gateways), exchange);

        assertThat(entries(actual)).isEqualTo(entries(HttpHeadersFilter.filterRequest(gateways, exchange)))
                .containsKeys("forwarded", "x-forwarded-for", "x-forwarded-host", "traceparent");
    }

    @Test
    void leavesAnAnswersHeadersToTheHopByHopFilter() {
        List<HttpHeadersFilter> gateways = List.of(new RemoveForwardedHeadersFilter(),
                new RemoveHopByHopHeadersFilter(), traceContext);
        var exchange = MockServerWebExchange.from(REQUEST);
        var answer = new HttpHeaders();
        answer.add("Content-Type", "application/json");
        answer.add("Connection", "close");
        answer.add("Transfer-Encoding", "chunked");
        answer.add("Forwarded", "for=10.0.0.1");
        answer.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        HttpHeaders expected = HttpHeadersFilter.filter(gateways, answer, exchange, HttpHeadersFilter.Type.RESPONSE);
        HttpHeaders actual = HttpHeadersFilter.filter(ServiceHeaders.inPlaceOf(gateways), answer, exchange,
                HttpHeadersFilter.Type.RESPONSE);

        assertThat(entries(actual)).isEqualTo(entries(expected))
                .containsOnlyKeys("content-type", "forwarded", "traceparent");
    }

    @Test
    void changesNothingWithoutAHopByHopFilter() {
        List<HttpHeadersFilter> filters = List.of(new RemoveForwardedHeadersFilter(), traceContext);

        assertThat(ServiceHeaders.inPlaceOf(filters)).isSameAs(filters);
    }

    /** The headers by lower-case name, in order, with their values in order. */
    private static Map<String, List<String>> entries(HttpHeaders headers) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        headers.forEach((name, values) -> entries.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        return entries;
    }

    private static <T> ObjectProvider<T> provider(T bean) {
        var factory = new StaticListableBeanFactory();
        factory.addBean("bean", bean);
        @SuppressWarnings("unchecked")
        var provider = (ObjectProvider<T>) factory.getBeanProvider(bean.getClass());
        return provider;
    }

    /** W3C trace context's fields, with no span to inject: the exchange has none. */
    private static final class FieldsOnly implements Propagator {

        @Override
        public List<String> fields() {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
            throw new AssertionError("no span to inject");
        }

        @Override
        public <C> Span.Builder extract(C carrier, Getter<C> getter) {
            throw new AssertionError("nothing to extract");
        }
    }
}
