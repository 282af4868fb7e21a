package io.ticketing.gateway.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketing.gateway.routing.ServiceInstances;
import io.ticketing.gateway.web.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Dead letters for operators (admin key): events a service's consumers could never apply, gathered from every
 * service into one list, each named by its {@code service}; one of them is read, replayed (sent again to the topic it
 * came from) or discarded through the service that keeps it. A service that does not answer is named in
 * {@code unreachable} rather than failing the list.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLettersController {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String INTERNAL = "/internal/v1/dead-letters";

    enum Status {
        NEW, REPLAYED, DISCARDED
    }

    /** A dead letter as the service that keeps it lists it, named by that {@code service}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeadLetter(String service, UUID id, String consumerGroup, String topic, Integer partition, Long offset,
            String key, String eventType, String eventId, String reason, Status status, Instant deadAt,
            Instant resolvedAt) {

        DeadLetter of(String keeper) {
            return new DeadLetter(keeper, id, consumerGroup, topic, partition, offset, key, eventType, eventId, reason,
                    status, deadAt, resolvedAt);
        }
    }

    /** @param unreachable services that did not answer: their dead letters are not in the list */
    record DeadLetters(List<DeadLetter> deadLetters, List<String> unreachable) {
    }

    private final ServiceInstances instances;
    private final WebClient http;

    DeadLettersController(ServiceInstances instances, WebClient http) {
        this.instances = instances;
        this.http = http;
    }

    /** Every service's dead letters with the given status (unresolved ones by default), newest first. */
    @GetMapping
    Mono<DeadLetters> list(@RequestParam(defaultValue = "NEW") Status status) {
        return Flux.fromIterable(instances.all().keySet())
                .flatMap(service -> instances.call(service, instance -> http.get()
                                .uri(instance.resolve(INTERNAL + "?status=" + status))
                                .retrieve().bodyToFlux(DeadLetter.class)
                                .map(letter -> letter.of(service))
                                .collectList())
                        .timeout(TIMEOUT)
                        .map(letters -> new Answer(service, letters))
                        .onErrorResume(unanswered -> Mono.just(new Answer(service, null))))
                .collectList()
                .map(DeadLettersController::merged);
    }

    @GetMapping("/{service}/{id}")
    Mono<ResponseEntity<Object>> deadLetter(@PathVariable String service,
            @PathVariable @Parameter(schema = @Schema(type = "string", format = "uuid")) String id) {
        return forward(HttpMethod.GET, service, id, "");
    }

    @PostMapping("/{service}/{id}/replay")
    Mono<ResponseEntity<Object>> replay(@PathVariable String service,
            @PathVariable @Parameter(schema = @Schema(type = "string", format = "uuid")) String id) {
        return forward(HttpMethod.POST, service, id, "/replay");
    }

    @DeleteMapping("/{service}/{id}")
    Mono<ResponseEntity<Object>> discard(@PathVariable String service,
            @PathVariable @Parameter(schema = @Schema(type = "string", format = "uuid")) String id) {
        return forward(HttpMethod.DELETE, service, id, "");
    }

    /**
     * The service's answer as it is (problems included), or a problem when the id is no UUID, the service is unknown
     * or away.
     */
    private Mono<ResponseEntity<Object>> forward(HttpMethod method, String service, String id, String action) {
        UUID deadLetterId;
        try {
            deadLetterId = UUID.fromString(id);
        }
        catch (IllegalArgumentException notUuid) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "id must be a UUID"));
        }
        if (!instances.all().containsKey(service)) {
            return Mono.just(problem(HttpStatus.NOT_FOUND, "SERVICE_NOT_FOUND",
                    "No service " + service + "; one of " + instances.all().keySet()));
        }
        return instances.call(service, instance -> http.method(method)
                        .uri(instance.resolve(INTERNAL + "/" + deadLetterId + action))
                        .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                                .map(body -> ResponseEntity.status(response.statusCode())
                                        .contentType(response.headers().contentType()
                                                .orElse(MediaType.APPLICATION_JSON))
                                        .<Object>body(body))))
                .timeout(TIMEOUT)
                .onErrorResume(unanswered -> Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                        service + " did not answer; try again")));
    }

    /** One service's dead letters; {@code null} when it did not answer. */
    private record Answer(String service, List<DeadLetter> letters) {
    }

    private static DeadLetters merged(List<Answer> answers) {
        List<DeadLetter> letters = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (Answer answer : answers) {
            if (answer.letters() == null) {
                unreachable.add(answer.service());
            }
            else {
                letters.addAll(answer.letters());
            }
        }
        letters.sort(Comparator.comparing(DeadLetter::deadAt, Comparator.nullsLast(Comparator.reverseOrder())));
        unreachable.sort(Comparator.naturalOrder());
        return new DeadLetters(letters, unreachable);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(status, code, detail));
    }
}
