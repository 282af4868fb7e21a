package io.ticketing.gateway.apidocs;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import io.ticketing.gateway.routing.ServiceInstances;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves {@code /v3/api-docs}: one OpenAPI document for the whole public API, merged from the gateway's own
 * and each service's. Schema names are prefixed with their service ({@code catalog.City}), so two services'
 * {@code Seat} never collide. A service that is down is left out and named in {@code x-unavailable}. The merged
 * document is kept for {@value #KEPT_SECONDS} s ({@value #KEPT_PARTIAL_SECONDS} s while a service is missing from it),
 * so that however many clients ask — the path needs no key — the services are asked at most that often.
 */
@RestController
class ApiDocs {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final long KEPT_SECONDS = 60;
    static final long KEPT_PARTIAL_SECONDS = 5;

    private final ServiceInstances instances;
    private final WebServerApplicationContext context;
    private final WebClient http;
    private final JsonMapper json;
    private final Mono<JsonNode> kept;

    ApiDocs(ServiceInstances instances, WebServerApplicationContext context, WebClient http, JsonMapper json) {
        this.instances = instances;
        this.context = context;
        this.http = http;
        this.json = json;
        this.kept = Mono.defer(this::merge).cache(
                document -> Duration.ofSeconds(
                        document.path("x-unavailable").isEmpty() ? KEPT_SECONDS : KEPT_PARTIAL_SECONDS),
                error -> Duration.ZERO, () -> Duration.ZERO);
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> combined() {
        return kept;
    }

    private Mono<JsonNode> merge() {
        URI own = URI.create("http://127.0.0.1:" + context.getWebServer().getPort() + "/v3/api-docs/gateway");
        Map<String, Mono<String>> sources = new LinkedHashMap<>();
        sources.put("gateway", http.get().uri(own).retrieve().bodyToMono(String.class));
        instances.all().keySet().forEach(name -> sources.put(name, instances.call(name,
                instance -> http.get().uri(instance.resolve("/v3/api-docs")).retrieve().bodyToMono(String.class))));
        return Flux.fromIterable(sources.entrySet())
                .flatMapSequential(source -> source.getValue()
                        .timeout(TIMEOUT)
                        .map(body -> Map.entry(source.getKey(), json.readTree(body)))
                        .onErrorResume(error -> Mono.just(Map.entry(source.getKey(), json.nullNode()))))
                .collectList()
                .map(documents -> {
                    var merged = new OpenApiMerger(json);
                    documents.forEach(document -> merged.add(document.getKey(), document.getValue()));
                    return (JsonNode) merged.result();
                });
    }
}
