package io.ticketing.gateway.routing;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.netty.NettyPipeline;

/** The connections from the gateway to the services: a small request is sent whole, in one write. */
@Configuration(proxyBeanMethods = false)
class ServiceConnections {

    @Bean
    HttpClientCustomizer wholeRequests() {
        return client -> client.doOnChannelInit((observer, channel, address) -> channel.pipeline()
                .addBefore(NettyPipeline.ReactiveBridge, WholeRequests.NAME, new WholeRequests()));
    }
}
