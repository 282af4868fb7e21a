package io.ticketing.payment.config;

import java.net.URI;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.ticketing.payment.provider.PaymentProvider;
import io.ticketing.payment.provider.SimulatedProvider;
import io.ticketing.payment.provider.SimulatedWebhooks;
import io.ticketing.payment.provider.StripeProvider;
import io.ticketing.payment.provider.StripeWebhooks;
import io.ticketing.starter.client.InternalCaller;
import tools.jackson.databind.json.JsonMapper;

/** The provider {@code ticketing.payment.provider} names, and the verifier of the webhooks either one signs. */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    private static final String WEBHOOK_PATH = "/api/v1/payments/webhooks/stripe";

    @Bean
    PaymentProvider paymentProvider(PaymentProperties properties, Environment environment, Clock clock,
            JsonMapper json, InternalCaller caller) {
        return switch (properties.provider()) {
            case STRIPE -> new StripeProvider(properties.stripe().apiKey(), properties.stripe().apiBase());
            case SIMULATED -> new SimulatedProvider(new SimulatedWebhooks(() -> webhookUrl(properties, environment),
                    properties.stripe().webhookSecret(), caller, clock, json), clock);
        };
    }

    @Bean
    StripeWebhooks stripeWebhooks(PaymentProperties properties, Clock clock) {
        return new StripeWebhooks(properties.stripe().webhookSecret(), properties.stripe().webhookTolerance(), clock);
    }

    /** The configured URL, or this service's own endpoint on the port it listens on (known once it started). */
    private static URI webhookUrl(PaymentProperties properties, Environment environment) {
        String configured = properties.simulated().webhookUrl();
        if (configured != null && !configured.isBlank()) {
            return URI.create(configured);
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8085"));
        return URI.create("http://127.0.0.1:" + port + WEBHOOK_PATH);
    }
}
