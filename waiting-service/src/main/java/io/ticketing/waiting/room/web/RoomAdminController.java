package io.ticketing.waiting.room.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.waiting.room.RoomState;
import io.ticketing.waiting.room.WaitingRooms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A show's waiting room for its admins (the gateway lets only admin keys reach {@code /api/v1/admin/**}): turn it on
 * for an on-sale, change its rate during the sale, see how it goes, close it.
 */
@RestController
class RoomAdminController {

    private final WaitingRooms rooms;

    RoomAdminController(WaitingRooms rooms) {
        this.rooms = rooms;
    }

    /**
     * @param opensAt when admission starts; who joins before is drawn into random order then
     * @param admitPerMinute customers let in per minute (less while the hold path is slow)
     * @param admissionMinutes how long an admitted customer may hold seats
     */
    record RoomRequest(@NotNull Instant opensAt, @NotNull Integer admitPerMinute, @NotNull Integer admissionMinutes) {
    }

    /** {@code 201} when the room is new, {@code 200} when it changed. */
    @PutMapping("/api/v1/admin/shows/{showId}/queue")
    ResponseEntity<RoomState> configure(@PathVariable UUID showId, @Valid @RequestBody RoomRequest request) {
        var configured = rooms.configure(showId, new WaitingRooms.Settings(request.opensAt(),
                request.admitPerMinute(), request.admissionMinutes()));
        return ResponseEntity.status(configured.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(configured.room());
    }

    @GetMapping("/api/v1/admin/shows/{showId}/queue")
    RoomState state(@PathVariable UUID showId) {
        return rooms.state(showId);
    }

    /** Closes the room: holds need no token any more; everyone still waiting is told. */
    @DeleteMapping("/api/v1/admin/shows/{showId}/queue")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void close(@PathVariable UUID showId) {
        rooms.close(showId);
    }
}
