package io.ticketing.gateway.access;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import io.ticketing.gateway.routing.ServiceInstances;
import reactor.core.publisher.Mono;

/**
 * Hands a sign-in code to notification-service, which mails it (once per challenge, with the retries every mail
 * gets). The code is accepted when notification-service has stored the mail, not when it reaches the inbox.
 */
@Component
class SignInMail {

    private static final Logger log = LoggerFactory.getLogger(SignInMail.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String PATH = "/internal/v1/sign-in-codes";

    private final WebClient http;
    private final ServiceInstances instances;

    SignInMail(WebClient http, ServiceInstances instances) {
        this.http = http;
        this.instances = instances;
    }

    record CodeMail(UUID challengeId, String email, String code, Instant expiresAt) {
    }

    Mono<Void> send(UUID challengeId, String email, String code, Instant expiresAt) {
        return instances.call("notification", instance -> http.post().uri(instance.resolve(PATH))
                        .bodyValue(new CodeMail(challengeId, email, code, expiresAt))
                        .retrieve()
                        .toBodilessEntity())
                .timeout(TIMEOUT)
                .doOnError(error -> log.warn("Could not hand a sign-in code to notification-service: {}",
                        error.toString()))
                .onErrorMap(error -> SignInChallenges.unavailable())
                .then();
    }
}
