package io.ticketing.gateway.webapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the web app running in a customer's browser is told (at {@code /web-config}): both values are public by
 * nature, as every browser that loads the app gets them.
 *
 * @param apiKey the client API key the web app sends ({@code TICKETING_GATEWAY_WEB_API_KEY}); it must be one of the
 *               gateway's client keys, a key of its own so that it can be limited and replaced apart from the mobile
 *               apps'. Unset, the web app says it is not set up and calls nothing.
 * @param stripePublishableKey Stripe's publishable key ({@code pk_...}) for the Payment Element, when payments go
 *               through Stripe
 */
@ConfigurationProperties("ticketing.gateway.web")
public record WebAppProperties(String apiKey, String stripePublishableKey) {
}
