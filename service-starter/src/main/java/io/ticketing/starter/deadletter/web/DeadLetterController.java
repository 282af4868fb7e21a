package io.ticketing.starter.deadletter.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.starter.deadletter.DeadLetter;
import io.ticketing.starter.deadletter.DeadLetters;

/**
 * The service's dead letters for operators, service to service: the gateway's admin API
 * ({@code /api/v1/admin/dead-letters}) gathers them from every service and passes replays and discards on.
 */
@RestController
@RequestMapping("/internal/v1/dead-letters")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetter> list(@RequestParam(defaultValue = "NEW") DeadLetter.Status status) {
        return deadLetters.list(status);
    }

    @GetMapping("/{id}")
    DeadLetter deadLetter(@PathVariable UUID id) {
        return deadLetters.find(id);
    }

    @PostMapping("/{id}/replay")
    DeadLetter replay(@PathVariable UUID id) {
        return deadLetters.replay(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(@PathVariable UUID id) {
        deadLetters.discard(id);
    }
}
