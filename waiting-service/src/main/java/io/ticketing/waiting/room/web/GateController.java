package io.ticketing.waiting.room.web;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.waiting.room.WaitingRooms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The gateway's gate, service to service: every gateway instance reports how the holds of rooms' shows fared since its
 * last report, and learns which shows' holds need an admission token now.
 */
@RestController
class GateController {

    private final WaitingRooms rooms;

    GateController(WaitingRooms rooms) {
        this.rooms = rooms;
    }

    record GateRequest(@NotNull List<WaitingRooms.HoldReport> holds) {
    }

    record GateAnswer(List<WaitingRooms.Gated> rooms) {
    }

    @PostMapping("/internal/v1/rooms/gate")
    GateAnswer gate(@Valid @RequestBody GateRequest request) {
        return new GateAnswer(rooms.gate(request.holds()));
    }
}
