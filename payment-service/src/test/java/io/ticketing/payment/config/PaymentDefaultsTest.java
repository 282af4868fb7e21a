package io.ticketing.payment.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PaymentDefaultsTest {

    private final PaymentDefaults defaults = new PaymentDefaults();

    @Test
    void refusesSimulatedPaymentsAndThePublishedWebhookSecret() {
        var environment = new MockEnvironment().withProperty("ticketing.payment.provider", "simulated")
                .withProperty("ticketing.payment.stripe.api-key", "sk_live_ours")
                .withProperty("ticketing.payment.stripe.webhook-secret", "whsec_local_simulated");
        assertThat(defaults.inEffect(environment)).containsExactly(
                "ticketing.payment.provider is simulated: only stripe takes real payments (TICKETING_PAYMENT_PROVIDER=stripe)",
                "ticketing.payment.stripe.webhook-secret is a development value published in this repository: set your "
                        + "own (TICKETING_PAYMENT_STRIPE_WEBHOOK_SECRET)");
    }

    @Test
    void needsStripesKeyAndTheEndpointsSecretWhenNothingIsSet() {
        assertThat(defaults.inEffect(new MockEnvironment())).containsExactly(
                "ticketing.payment.stripe.api-key is not set (TICKETING_PAYMENT_STRIPE_API_KEY)",
                "ticketing.payment.stripe.webhook-secret is not set (TICKETING_PAYMENT_STRIPE_WEBHOOK_SECRET)");
    }

    @Test
    void acceptsStripeWithTheDeploymentsOwnSecrets() {
        var environment = new MockEnvironment().withProperty("ticketing.payment.provider", "STRIPE")
                .withProperty("ticketing.payment.stripe.api-key", "sk_live_ours")
                .withProperty("ticketing.payment.stripe.webhook-secret", "whsec_ours");
        assertThat(defaults.inEffect(environment)).isEmpty();
    }
}
