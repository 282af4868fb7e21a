package io.ticketing.gateway.access.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Operation;
import io.ticketing.gateway.access.AccessFilter;
import io.ticketing.gateway.access.CustomerSession;
import io.ticketing.gateway.access.SessionRevocations;
import io.ticketing.gateway.access.SessionTokens;
import io.ticketing.gateway.access.SignInChallenges;
import io.ticketing.gateway.web.ClientAddress;
import reactor.core.publisher.Mono;

/**
 * Signing in and out. A customer proves they read an e-mail address with a code mailed to it and gets a session
 * of that address's customer, the same customer on every device; signing out ends the session on every gateway
 * instance. Support staff and load tests (admin key) open a session for an address directly.
 */
@RestController
class SessionController {

    private final SignInChallenges challenges;
    private final SessionTokens tokens;
    private final SessionRevocations revocations;

    SessionController(SignInChallenges challenges, SessionTokens tokens, SessionRevocations revocations) {
        this.challenges = challenges;
        this.tokens = tokens;
        this.revocations = revocations;
    }

    record CustomerEmail(@NotBlank @Email @Size(max = 254) String email) {
    }

    record SignInChallenge(UUID challengeId, Instant expiresAt) {
    }

    record SignInAnswer(@NotNull UUID challengeId,
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits of the mailed code") String code) {
    }

    record Session(String token, Instant expiresAt, UUID customerId) {
    }

    @Operation(summary = "Mails a sign-in code",
            description = "Mails a one-time 6-digit code to the address, valid for 10 minutes and 5 attempts. "
                    + "Limited per e-mail address and per client address (429 SIGN_IN_RATE_LIMITED, Retry-After).")
    @PostMapping("/api/v1/sessions/challenges")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<SignInChallenge> challenge(@Valid @RequestBody CustomerEmail request, ServerWebExchange exchange) {
        return challenges.start(request.email(), ClientAddress.of(exchange))
                .map(started -> new SignInChallenge(started.challengeId(), started.expiresAt()));
    }

    @Operation(summary = "Signs in with a mailed code",
            description = "Answers a challenge with its code: a session of the customer of that e-mail address, "
                    + "the same customerId on every device. A wrong code is 422 CODE_INCORRECT with attemptsLeft; "
                    + "an expired, used or void challenge is 404 CHALLENGE_NOT_FOUND.")
    @PostMapping("/api/v1/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Session> signIn(@Valid @RequestBody SignInAnswer answer, ServerWebExchange exchange) {
        return challenges.redeem(answer.challengeId(), answer.code(), ClientAddress.of(exchange)).map(this::session);
    }

    @Operation(summary = "Signs out",
            description = "Ends the session whose token is sent: it stops working at once, on every gateway instance.")
    @DeleteMapping("/api/v1/sessions/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> signOut(ServerWebExchange exchange) {
        CustomerSession session = exchange.getAttribute(AccessFilter.SESSION_ATTRIBUTE);
        return revocations.revoke(session);
    }

    @Operation(summary = "Opens a session for a customer (admin)",
            description = "A session of the customer of this e-mail address without a mailed code: for support staff "
                    + "acting for a customer, and for load tests.")
    @PostMapping("/api/v1/admin/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Session open(@Valid @RequestBody CustomerEmail request) {
        return session(request.email());
    }

    private Session session(String email) {
        var issued = tokens.issue(email);
        return new Session(issued.token(), issued.session().expiresAt(), issued.session().customerId());
    }
}
