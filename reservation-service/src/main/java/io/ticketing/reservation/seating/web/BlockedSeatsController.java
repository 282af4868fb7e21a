package io.ticketing.reservation.seating.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.reservation.seating.BlockedSeats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Admin: take seats of a show off sale and put them back (the gateway admits only the admin key here). */
@RestController
class BlockedSeatsController {

    private final BlockedSeats blocked;

    BlockedSeatsController(BlockedSeats blocked) {
        this.blocked = blocked;
    }

    record SeatsRequest(@NotNull @Size(max = BlockedSeats.MAX_SEATS) List<@NotBlank @Size(max = 10) String> seatIds) {
    }

    /** The show's blocked seats after the change. */
    record BlockedSeatList(UUID showId, List<String> seatIds) {
    }

    @GetMapping("/api/v1/admin/shows/{showId}/blocked-seats")
    BlockedSeatList blocked(@PathVariable UUID showId) {
        return new BlockedSeatList(showId, blocked.blocked(showId));
    }

    @PostMapping("/api/v1/admin/shows/{showId}/blocked-seats")
    BlockedSeatList block(@PathVariable UUID showId, @Valid @RequestBody SeatsRequest request) {
        return new BlockedSeatList(showId, blocked.block(showId, request.seatIds()));
    }

    @DeleteMapping("/api/v1/admin/shows/{showId}/blocked-seats")
    BlockedSeatList unblock(@PathVariable UUID showId, @Valid @RequestBody SeatsRequest request) {
        return new BlockedSeatList(showId, blocked.unblock(showId, request.seatIds()));
    }
}
