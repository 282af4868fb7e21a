package io.ticketing.waiting.line.web;

import java.time.Duration;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.web.CurrentCustomer;
import io.ticketing.waiting.line.Entry;
import io.ticketing.waiting.line.Waitlist;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A customer's place in a show's waiting line: join, watch (long polling), leave. */
@RestController
class WaitlistController {

    private final Waitlist waitlist;

    WaitlistController(Waitlist waitlist) {
        this.waitlist = waitlist;
    }

    record JoinRequest(@NotNull Integer seatCount) {
    }

    @PostMapping("/api/v1/shows/{showId}/waitlist")
    @ResponseStatus(HttpStatus.CREATED)
    Entry join(@PathVariable UUID showId, @CurrentCustomer UUID customerId, @Valid @RequestBody JoinRequest request) {
        return waitlist.join(showId, customerId, request.seatCount());
    }

    /** With {@code waitSeconds} (at most 30), answered when the entry changes or that time has passed. */
    @GetMapping("/api/v1/waitlist/{entryId}")
    Entry entry(@PathVariable UUID entryId, @CurrentCustomer UUID customerId,
            @RequestParam(defaultValue = "0") int waitSeconds) {
        if (waitSeconds < 0 || waitSeconds > 30) {
            throw RequestRejectedException.invalid("INVALID_PARAMETER", "waitSeconds is 0 to 30");
        }
        return waitlist.entry(entryId, customerId, Duration.ofSeconds(waitSeconds));
    }

    @DeleteMapping("/api/v1/waitlist/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable UUID entryId, @CurrentCustomer UUID customerId) {
        waitlist.cancel(entryId, customerId);
    }
}
