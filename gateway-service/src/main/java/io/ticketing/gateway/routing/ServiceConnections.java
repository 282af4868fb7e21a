package io.ticketing.gateway.routing;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;

/**
 * The connections from the gateway to the services: a small request is sent whole, in one write, and the route's time
 * limit holds until the answer's end ({@link ServiceRouting}, in place of Spring Cloud Gateway's routing filter, which
 * {@code spring.cloud.gateway.server.webflux.global-filter.netty-routing.enabled=false} switches off together with the
 * filter that writes its answers, declared here again as it is).
 */
@Configuration(proxyBeanMethods = false)
class ServiceConnections {

    @Bean
    HttpClientCustomizer wholeRequests() {
        return client -> client.doOnChannelInit((observer, channel, address) -> channel.pipeline()
                .addBefore(NettyPipeline.ReactiveBridge, WholeRequests.NAME, new WholeRequests()));
    }

    @Bean
    NettyRoutingFilter serviceRouting(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties, GatewayProperties gateway, ServiceInstances instances) {
        return new ServiceRouting(httpClient, headersFilters, properties, gateway.responseTimeout(), instances);
    }

    @Bean
    NettyWriteResponseFilter nettyWriteResponseFilter(
            org.springframework.cloud.gateway.config.GatewayProperties gateway,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        return new NettyWriteResponseFilter(gateway.getStreamingMediaTypes(), headersFilters);
    }
}
