package io.ticketing.payment.payments;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** reservation-service's internal endpoints of a hold that {@link Reservation} calls. */
@HttpExchange("/internal/v1/holds/{holdId}")
interface ReservationClient {

    /** 404 for a hold that does not exist. */
    @GetExchange
    Reservation.Hold hold(@PathVariable UUID holdId);

    /** 404 for a hold that does not exist, 409 for one that is no longer held. */
    @PostExchange("/payment-pending")
    void paymentPending(@PathVariable UUID holdId);
}
