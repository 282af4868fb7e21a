package io.ticketing.gateway.access.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.gateway.access.SessionTokens;

/** Starts customer sessions: a signed, expiring token naming a new customer. */
@RestController
class SessionController {

    private final SessionTokens tokens;

    SessionController(SessionTokens tokens) {
        this.tokens = tokens;
    }

    record StartSession(@Email @Size(max = 254) String email) {
    }

    record Session(String token, Instant expiresAt, UUID customerId) {
    }

    @PostMapping("/api/v1/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Session start(@Valid @RequestBody StartSession request) {
        var issued = tokens.issue(request.email());
        return new Session(issued.token(), issued.session().expiresAt(), issued.session().customerId());
    }
}
