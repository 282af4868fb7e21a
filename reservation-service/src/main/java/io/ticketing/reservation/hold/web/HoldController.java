package io.ticketing.reservation.hold.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.reservation.hold.Hold;
import io.ticketing.reservation.hold.HoldInProgress;
import io.ticketing.reservation.hold.Holds;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.web.CurrentCustomer;

/** Holding seats: take, read and release (owner only). */
@RestController
class HoldController {

    private final Holds holds;

    HoldController(Holds holds) {
        this.holds = holds;
    }

    /** At most 100 ids are read at all; more than the hold limit is refused as too many seats. */
    record HoldRequest(@NotNull @Size(max = 100) List<@NotBlank @Size(max = 10) String> seatIds) {
    }

    @PostMapping("/api/v1/shows/{showId}/holds")
    @ResponseStatus(HttpStatus.CREATED)
    Hold hold(@PathVariable UUID showId, @CurrentCustomer UUID customerId, @Valid @RequestBody HoldRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw RequestRejectedException.invalid("INVALID_IDEMPOTENCY_KEY",
                    "Idempotency-Key is 1 to 100 letters, digits and _ . : -");
        }
        return holds.place(showId, customerId, request.seatIds(), Optional.ofNullable(idempotencyKey));
    }

    @GetMapping("/api/v1/holds/{holdId}")
    Hold hold(@PathVariable UUID holdId, @CurrentCustomer UUID customerId) {
        return holds.hold(holdId, customerId);
    }

    @DeleteMapping("/api/v1/holds/{holdId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable UUID holdId, @CurrentCustomer UUID customerId) {
        holds.release(holdId, customerId);
    }

    /** A retry whose first attempt is still being recorded: the same request succeeds after Retry-After. */
    @ExceptionHandler(HoldInProgress.class)
    ResponseEntity<ProblemDetail> inProgress(HoldInProgress ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setProperty("code", ex.code());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(HoldInProgress.RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
