package io.ticketing.payment.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param provider who takes the money: {@code simulated} (the local default, no network) or {@code stripe}
 * @param reservationUrl reservation-service, asked for a hold's price and told when its payment starts
 * @param stripe Stripe's API and the secret its webhooks are signed with (the simulated provider signs with it too)
 * @param simulated where the simulated provider delivers its webhooks
 */
@ConfigurationProperties("ticketing.payment")
public record PaymentProperties(@DefaultValue("simulated") Provider provider,
        @DefaultValue("http://127.0.0.1:8082") String reservationUrl, @DefaultValue Stripe stripe,
        @DefaultValue Simulated simulated) {

    public enum Provider {
        SIMULATED, STRIPE
    }

    /**
     * @param apiKey the secret API key ({@code sk_...}); required with the {@code stripe} provider
     * @param apiBase Stripe's API, replaced in tests by a local stub
     * @param webhookSecret the endpoint's signing secret ({@code whsec_...})
     * @param webhookTolerance how old a webhook's signed timestamp may be (Stripe's default: 5 minutes)
     */
    public record Stripe(@DefaultValue("") String apiKey, @DefaultValue("https://api.stripe.com") String apiBase,
            @DefaultValue("whsec_local_simulated") String webhookSecret,
            @DefaultValue("PT5M") Duration webhookTolerance) {
    }

    /** @param webhookUrl where webhooks go; unset: this service's own {@code /api/v1/payments/webhooks/stripe} */
    public record Simulated(String webhookUrl) {
    }
}
