package io.ticketing.gateway.admission;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.ticketing.gateway.routing.ServiceInstances;
import reactor.core.publisher.Mono;

/**
 * waiting-service's gate endpoint, {@code POST /internal/v1/rooms/gate}, called with the gateway's signed client:
 * one call both hands over the holds the gate let through and answers which shows' holds need an admission token
 * now, so that an instance polling every half second costs waiting-service one request, not two.
 */
@Component
class RoomsClient {

    static final String PATH = "/internal/v1/rooms/gate";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final WebClient http;
    private final ServiceInstances instances;

    RoomsClient(WebClient http, ServiceInstances instances) {
        this.http = http;
        this.instances = instances;
    }

    /**
     * Reports {@code holds} and answers the rooms that are on now; fails when waiting-service does not answer within
     * {@link #TIMEOUT}, answers an error, or answers without a list of rooms.
     */
    Mono<List<OpenRoom>> gate(List<ShowHolds> holds) {
        return instances.call("waiting", instance -> http.post().uri(instance.resolve(PATH))
                        .bodyValue(new Report(holds))
                        .retrieve()
                        .bodyToMono(Answer.class))
                .timeout(TIMEOUT)
                .filter(answer -> answer.rooms() != null)
                .map(Answer::rooms)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("waiting-service answered no rooms")));
    }

    /**
     * The holds of one show that the gate let through since waiting-service last accepted a report: answered,
     * answered later than the room's {@code slowAfterMillis}, answered with a 5xx status.
     */
    record ShowHolds(UUID showId, long holds, long slow, long errors) {
    }

    record Report(List<ShowHolds> holds) {
    }

    /** A show whose holds need an admission token, and from how long on a hold counts as slow. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OpenRoom(UUID showId, long slowAfterMillis) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(List<OpenRoom> rooms) {
    }
}
