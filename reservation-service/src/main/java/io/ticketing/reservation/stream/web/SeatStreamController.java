package io.ticketing.reservation.stream.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.ticketing.reservation.seating.SeatSnapshot;
import io.ticketing.reservation.seating.SeatingPlans;
import io.ticketing.reservation.stream.SeatStreams;
import io.ticketing.reservation.stream.StreamProperties;
import io.ticketing.reservation.stream.StreamsFull;
import io.ticketing.starter.RequestRejectedException;

/** The live seat map: Server-Sent Events of every change of a show's seats. */
@RestController
class SeatStreamController {

    /** Seconds a client refused for lack of room waits before it tries again. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final SeatingPlans plans;
    private final SeatStreams streams;
    private final StreamProperties properties;

    SeatStreamController(SeatingPlans plans, SeatStreams streams, StreamProperties properties) {
        this.plans = plans;
        this.streams = streams;
        this.properties = properties;
    }

    /**
     * First a {@code snapshot} event ({@code {showId, sequence, seats:[{seatId, status}]}}), then {@code seats}
     * events ({@code {showId, firstSequence, sequence, seats}}) with only the seats changed by the changes
     * {@code firstSequence} to {@code sequence} — one change, or those of up to {@code event-interval} — each event
     * starting right after the previous one; the SSE {@code id} of each is its sequence, which grows by one per change. A {@code snapshot} may come again at any time (this instance
     * lost changes): it replaces everything. A reconnecting client ({@code Last-Event-ID}) gets a fresh
     * snapshot too, since changes are not kept. Comments every {@code heartbeat-interval} keep it open.
     */
    @Operation(summary = "Server-Sent Events of seat status changes", responses = {
            @ApiResponse(responseCode = "200", description = "event `snapshot` (every seat), then events `seats` "
                    + "with the seats changed by changes `firstSequence` to `sequence` (one change, or those of up to "
                    + "100 ms), each starting right after the previous; each event's id is its sequence",
                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(implementation = SeatSnapshot.class))),
            @ApiResponse(responseCode = "404", description = "SHOW_NOT_FOUND", content = @Content(
                    mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "503", description = "TOO_MANY_STREAMS: try again after Retry-After",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class))) })
    @GetMapping(path = "/api/v1/shows/{showId}/seats/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable UUID showId) {
        if (plans.plan(showId).isEmpty()) {
            throw RequestRejectedException.notFound("SHOW_NOT_FOUND", "Show " + showId + " is not on sale");
        }
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        SeatStreams.OpenStream stream = streams.open(showId, new EmitterSink(emitter));
        emitter.onCompletion(stream::ended);
        emitter.onTimeout(() -> {
            stream.ended();
            emitter.complete();
        });
        emitter.onError(error -> stream.ended());
        return emitter;
    }

    @ExceptionHandler(StreamsFull.class)
    ResponseEntity<ProblemDetail> full(StreamsFull ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setProperty("code", "TOO_MANY_STREAMS");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
