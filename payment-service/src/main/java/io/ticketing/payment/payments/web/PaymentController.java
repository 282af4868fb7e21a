package io.ticketing.payment.payments.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.payment.payments.Payment;
import io.ticketing.payment.payments.Payments;
import io.ticketing.starter.web.CurrentCustomer;
import io.ticketing.starter.web.CurrentCustomerEmail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A customer pays for their hold, reads the payment, and (simulated provider) plays the card step. */
@RestController
class PaymentController {

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    /** Paying takes no input: the amount is the hold's, priced by reservation-service. Any field is refused. */
    record PayRequest() {
    }

    record ConfirmRequest(@NotNull String outcome) {
    }

    /** 201 with a new payment; 200 with the hold's open payment when there is one already. */
    @PostMapping("/api/v1/holds/{holdId}/payment")
    ResponseEntity<Payment> pay(@PathVariable UUID holdId, @CurrentCustomer UUID customerId,
            @CurrentCustomerEmail String customerEmail,
            @RequestBody(required = false) PayRequest request) {
        var started = payments.pay(holdId, customerId, customerEmail);
        return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK).body(started.payment());
    }

    @GetMapping("/api/v1/payments/{paymentId}")
    Payment payment(@PathVariable UUID paymentId, @CurrentCustomer UUID customerId) {
        return payments.payment(paymentId, customerId);
    }

    /** Simulated provider only: the outcome arrives as the provider's webhook, so the answer is still PENDING. */
    @PostMapping("/api/v1/payments/{paymentId}/confirm")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Payment confirm(@PathVariable UUID paymentId, @CurrentCustomer UUID customerId,
            @Valid @RequestBody ConfirmRequest request) {
        return payments.confirm(paymentId, customerId, request.outcome());
    }
}
