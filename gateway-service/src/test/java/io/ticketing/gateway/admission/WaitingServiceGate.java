package io.ticketing.gateway.admission;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.reactive.function.client.WebClient;

import io.ticketing.gateway.routing.GatewayProperties;
import io.ticketing.gateway.routing.ServiceInstances;
import reactor.core.publisher.Mono;

/** waiting-service's gate endpoint as a test plays it: each call answered as the test says, every report kept. */
final class WaitingServiceGate extends RoomsClient {

    final List<List<ShowHolds>> reports = new ArrayList<>();
    Mono<List<OpenRoom>> answer = Mono.error(new IllegalStateException("waiting-service is down"));

    WaitingServiceGate() {
        super(WebClient.create(), new ServiceInstances(new GatewayProperties(
                Map.of("waiting", List.of(URI.create("http://127.0.0.1:9"))), Duration.ofSeconds(30))));
    }

    void answers(OpenRoom... rooms) {
        answer = Mono.just(List.of(rooms));
    }

    void fails() {
        answer = Mono.error(new IllegalStateException("waiting-service is down"));
    }

    @Override
    Mono<List<OpenRoom>> gate(List<ShowHolds> holds) {
        reports.add(holds);
        return answer;
    }

    List<ShowHolds> lastReport() {
        return reports.getLast();
    }
}
