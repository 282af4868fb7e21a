package io.ticketing.payment.payments.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.payment.payments.ProviderEvents;

/**
 * Stripe's (or the simulated provider's) webhook endpoint: no API key and no session, the signature is the proof.
 * The body is taken as the exact bytes sent, since the signature covers them.
 */
@RestController
class StripeWebhookController {

    private final ProviderEvents events;

    StripeWebhookController(ProviderEvents events) {
        this.events = events;
    }

    @PostMapping("/api/v1/payments/webhooks/stripe")
    Map<String, Boolean> receive(@RequestBody byte[] payload,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        events.receive(new String(payload, StandardCharsets.UTF_8), signature);
        return Map.of("received", true);
    }
}
