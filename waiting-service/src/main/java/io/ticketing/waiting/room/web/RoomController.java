package io.ticketing.waiting.room.web;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.web.CurrentCustomer;
import io.ticketing.waiting.room.Place;
import io.ticketing.waiting.room.RoomProperties;
import io.ticketing.waiting.room.RoomState;
import io.ticketing.waiting.room.WaitingRooms;
import io.ticketing.waiting.web.FollowingStreams;
import io.ticketing.waiting.web.LongPolls;

/**
 * A customer's place in a show's waiting room: see the room, take a place (one per customer), watch it by long
 * polling or Server-Sent Events until admitted. The room's streams and long polls open on this instance are gauges
 * ({@code ticketing.streams.open} with {@code stream=queue}, {@code ticketing.waiting.room.long.polls.open}).
 */
@RestController
class RoomController {

    /** How often at most a stream tells a waiting customer their position, when it moved. */
    private static final Duration POSITION_EVERY = Duration.ofSeconds(5);

    private final WaitingRooms rooms;
    private final FollowingStreams streams;
    private final LongPolls longPolls;

    RoomController(WaitingRooms rooms, RoomProperties properties, MeterRegistry meters) {
        this.rooms = rooms;
        this.streams = new FollowingStreams("queue", "place", meters);
        this.longPolls = new LongPolls("ticketing.waiting.room.long.polls.open",
                "Long polls of waiting-room places in progress on this instance", properties.maxLongPolls(), meters);
    }

    /** Whether the show sells through a waiting room (404 when not), when it opens, how long a newcomer waits. */
    @GetMapping("/api/v1/shows/{showId}/queue")
    RoomState.Public room(@PathVariable UUID showId) {
        return rooms.publicState(showId);
    }

    /** {@code 201} with a new place; {@code 200} with the customer's place when they have one already. */
    @PostMapping("/api/v1/shows/{showId}/queue")
    ResponseEntity<Place> join(@PathVariable UUID showId, @CurrentCustomer UUID customerId) {
        WaitingRooms.Joined joined = rooms.join(showId, customerId);
        return ResponseEntity.status(joined.created() ? HttpStatus.CREATED : HttpStatus.OK).body(joined.place());
    }

    /**
     * With {@code waitSeconds} (at most 30), answered when the place's status changes or that time has passed, if the
     * place says to long-poll ({@link WaitingRooms#poll}); at once otherwise, and when this instance holds
     * {@code max-long-polls} open already (the page told to read again in 5 to 10 s then, after the opening if it is
     * still to come: {@link Place#refusedPoll}).
     */
    @GetMapping("/api/v1/queue/{ticketId}")
    Place place(@PathVariable UUID ticketId, @CurrentCustomer UUID customerId,
            @RequestParam(defaultValue = "0") int waitSeconds) {
        if (waitSeconds < 0 || waitSeconds > 30) {
            throw RequestRejectedException.invalid("INVALID_PARAMETER", "waitSeconds is 0 to 30");
        }
        if (waitSeconds == 0) {
            return rooms.place(ticketId, customerId, Duration.ZERO);
        }
        long again = Place.REFUSED_POLL_AGAIN.toSeconds();
        return longPolls.poll(() -> rooms.poll(ticketId, customerId, Duration.ofSeconds(waitSeconds)))
                .orElseGet(() -> rooms.place(ticketId, customerId, Duration.ZERO).refusedPoll(
                        again + ThreadLocalRandom.current().nextLong(again + 1)));
    }

    /**
     * Server-Sent Events of the place: a {@code place} event now, at every change of its status, and, while its
     * position moves, after the place's {@code readAgainSeconds} (from {@link #POSITION_EVERY} to a long poll's
     * longest), so that a room's crowd costs it no more reads on streams than its pages would; comments in between.
     * The stream ends once the place no longer waits (its last event says why: admitted with the token, sold out,
     * closed).
     */
    @GetMapping(path = "/api/v1/queue/{ticketId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable UUID ticketId, @CurrentCustomer UUID customerId) {
        Place first = rooms.place(ticketId, customerId, Duration.ZERO);
        return streams.follow(ticketId, first, place -> place.status().waits(),
                place -> rooms.place(ticketId, customerId, nextRead(place)));
    }

    private static Duration nextRead(Place place) {
        Duration paced = Duration.ofSeconds(place.readAgainSeconds() == null ? 0 : place.readAgainSeconds());
        return paced.compareTo(POSITION_EVERY) > 0 ? paced : POSITION_EVERY;
    }
}
