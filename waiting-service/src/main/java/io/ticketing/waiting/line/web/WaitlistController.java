package io.ticketing.waiting.line.web;

import java.time.Duration;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.web.CurrentCustomer;
import io.ticketing.starter.web.CurrentCustomerEmail;
import io.ticketing.waiting.line.Entry;
import io.ticketing.waiting.line.Waitlist;
import io.ticketing.waiting.web.FollowingStreams;
import io.ticketing.waiting.web.LongPolls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A customer's place in a show's waiting line: join, watch (long polling or Server-Sent Events), leave. The streams
 * and long polls in progress on this instance are gauges ({@code ticketing.streams.open} with {@code stream=waitlist},
 * {@code ticketing.long.polls.open}).
 */
@RestController
class WaitlistController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Waitlist waitlist;
    private final FollowingStreams streams;
    private final LongPolls longPolls;

    WaitlistController(Waitlist waitlist, MeterRegistry meters) {
        this.waitlist = waitlist;
        this.streams = new FollowingStreams("waitlist", "entry", meters);
        this.longPolls = new LongPolls("ticketing.long.polls.open",
                "Long polls of waiting-line entries in progress on this instance", Integer.MAX_VALUE, meters);
    }

    record JoinRequest(@NotNull Integer seatCount) {
    }

    @PostMapping("/api/v1/shows/{showId}/waitlist")
    @ResponseStatus(HttpStatus.CREATED)
    Entry join(@PathVariable UUID showId, @CurrentCustomer UUID customerId,
            @CurrentCustomerEmail String customerEmail,
            @Valid @RequestBody JoinRequest request) {
        return waitlist.join(showId, customerId, customerEmail, request.seatCount());
    }

    /** With {@code waitSeconds} (at most 30), answered when the entry changes or that time has passed. */
    @GetMapping("/api/v1/waitlist/{entryId}")
    Entry entry(@PathVariable UUID entryId, @CurrentCustomer UUID customerId,
            @RequestParam(defaultValue = "0") int waitSeconds) {
        if (waitSeconds < 0 || waitSeconds > 30) {
            throw RequestRejectedException.invalid("INVALID_PARAMETER", "waitSeconds is 0 to 30");
        }
        if (waitSeconds == 0) {
            return waitlist.entry(entryId, customerId, Duration.ZERO);
        }
        return longPolls.poll(() -> waitlist.entry(entryId, customerId, Duration.ofSeconds(waitSeconds)))
                .orElseThrow();
    }

    /**
     * Server-Sent Events of the entry: an {@code entry} event now and at every change of its status or position,
     * comments in between; the stream ends once the entry no longer waits.
     */
    @GetMapping(path = "/api/v1/waitlist/{entryId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable UUID entryId, @CurrentCustomer UUID customerId) {
        Entry first = waitlist.entry(entryId, customerId, Duration.ZERO);
        return streams.follow(entryId, first, entry -> entry.status() == Entry.Status.WAITING,
                entry -> waitlist.entry(entryId, customerId, HEARTBEAT));
    }

    @DeleteMapping("/api/v1/waitlist/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable UUID entryId, @CurrentCustomer UUID customerId) {
        waitlist.cancel(entryId, customerId);
    }
}
