package io.ticketing.payment.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param provider who takes the money: {@code stripe}, or {@code simulated} (no network; the {@code local} profile's
 *        default, refused anywhere else)
 * @param reservationUrl reservation-service, asked for a hold's price and told when its payment starts
 * @param stripe Stripe's API and the secret its webhooks are signed with (the simulated provider signs with it too)
 * @param simulated where the simulated provider delivers its webhooks
 */
@ConfigurationProperties("ticketing.payment")
public record PaymentProperties(@DefaultValue("stripe") Provider provider,
        @DefaultValue("http://127.0.0.1:8082") String reservationUrl, @DefaultValue Stripe stripe,
        @DefaultValue Simulated simulated) {

    public enum Provider {
        SIMULATED, STRIPE
    }

    /**
     * @param apiKey the secret API key ({@code sk_...}); required with the {@code stripe} provider
     * @param apiBase Stripe's API, replaced in tests by a local stub
     * @param webhookSecret the endpoint's signing secret ({@code whsec_...}); the {@code local} profile's is published
     * @param webhookTolerance how old a webhook's signed timestamp may be (Stripe's default: 5 minutes)
     */
    public record Stripe(@DefaultValue("") String apiKey, @DefaultValue("https://api.stripe.com") String apiBase,
            @DefaultValue("") String webhookSecret,
            @DefaultValue("PT5M") Duration webhookTolerance) {
    }

    /** @param webhookUrl where webhooks go; unset: this service's own {@code /api/v1/payments/webhooks/stripe} */
    public record Simulated(String webhookUrl) {
    }
}
