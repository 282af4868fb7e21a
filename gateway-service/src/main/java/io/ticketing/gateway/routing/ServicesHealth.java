package io.ticketing.gateway.routing;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Shows, in the gateway's health, whether each service behind it is ready — one look tells an operator what
 * is down. It is deliberately not part of the gateway's own readiness: a gateway that answers 503 problems
 * for one failed service is better than a gateway taken out of rotation.
 */
@Configuration(proxyBeanMethods = false)
class ServicesHealth {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Bean
    CompositeReactiveHealthContributor servicesHealthContributor(GatewayProperties gateway, WebClient client) {
        return CompositeReactiveHealthContributor.fromMap(gateway.services(),
                uri -> (ReactiveHealthIndicator) () -> readiness(client, uri));
    }

    private static Mono<Health> readiness(WebClient client, URI service) {
        return client.get().uri(service.resolve("/actuator/health/readiness"))
                .exchangeToMono(response -> Mono.just(response.statusCode().is2xxSuccessful()
                        ? Health.up().build()
                        : Health.down().withDetail("status", response.statusCode().value()).build()))
                .timeout(TIMEOUT)
                .onErrorResume(error -> Mono.just(Health.down().withDetail("error", error.getClass().getSimpleName()).build()));
    }
}
