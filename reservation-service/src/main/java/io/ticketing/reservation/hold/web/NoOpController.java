package io.ticketing.reservation.hold.web;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.starter.web.CurrentCustomer;

/**
 * The baseline of the hot-show benchmark: a request shaped like a hold (a customer session, a {@code seatIds}
 * body that is read and validated) that does nothing else. Measured behind the same gateway, its cost is what
 * the platform charges every request before a hold's own work starts, so the benchmark can say how much of a
 * hold's latency is the hold. Off unless {@code ticketing.reservation.no-op-endpoint=true}; when off, the path
 * is as unknown as any other (404).
 */
@RestController
@ConditionalOnBooleanProperty("ticketing.reservation.no-op-endpoint")
class NoOpController {

    @PostMapping("/api/v1/no-op")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void noOp(@CurrentCustomer UUID customerId, @Valid @RequestBody HoldController.HoldRequest request) {
        // nothing: the customer and the body are resolved and validated, which is all this measures
    }
}
