package io.ticketing.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Shows, in the gateway's health, whether each service behind it is ready (each instance of a service that has
 * several) — one look tells an operator what is down. It is deliberately not part of the gateway's own readiness: a
 * gateway that answers 503 problems for one failed service is better than a gateway taken out of rotation.
 */
@Configuration(proxyBeanMethods = false)
class ServicesHealth {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** One indicator per service; a service with several instances, one per instance, named 1, 2 ... in order. */
    @Bean
    CompositeReactiveHealthContributor servicesHealthContributor(ServiceInstances instances, WebClient client) {
        return CompositeReactiveHealthContributor.fromMap(instances.all(), service -> service.size() == 1
                ? indicator(client, service.getFirst())
                : CompositeReactiveHealthContributor.fromMap(numbered(service),
                        instance -> indicator(client, instance)));
    }

    private static ReactiveHealthContributor indicator(WebClient client, URI instance) {
        return (ReactiveHealthIndicator) () -> readiness(client, instance);
    }

    private static Map<String, URI> numbered(List<URI> instances) {
        Map<String, URI> numbered = new LinkedHashMap<>();
        for (int i = 0; i < instances.size(); i++) {
            numbered.put(Integer.toString(i + 1), instances.get(i));
        }
        return numbered;
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
