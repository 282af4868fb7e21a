package io.ticketing.payment.provider;

import java.util.Map;

/**
 * A verified webhook event, reduced to what payments act on.
 *
 * @param id the provider's event id ({@code evt_...}), the same on every delivery of the event
 * @param type e.g. {@code payment_intent.succeeded}
 * @param objectId the PaymentIntent ({@code pi_...}) or refund ({@code re_...}) it is about; null for other objects
 * @param status the object's status ({@code succeeded}, {@code requires_payment_method}, {@code failed}, ...)
 * @param failureCode why a payment failed ({@code last_payment_error.code}) or a refund failed ({@code failure_reason})
 * @param metadata the object's metadata, as set when it was created
 * @param amount a PaymentIntent's amount received (its amount while nothing was received), in the currency's
 *               smallest unit; null for other objects
 * @param currency a PaymentIntent's currency, ISO 4217 in lower case as Stripe writes it; null for other objects
 */
public record ProviderEvent(String id, String type, String objectId, String status, String failureCode,
        Map<String, String> metadata, Long amount, String currency) {

    public ProviderEvent {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
