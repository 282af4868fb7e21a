package io.ticketing.payment.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.ticketing.guard.DevelopmentDefaults;
import org.springframework.core.env.Environment;

/**
 * Outside the {@code local} profile payments go to Stripe: the simulated provider lets any customer confirm their
 * own payment ({@code POST /api/v1/payments/{id}/confirm}), so it is refused, and Stripe's API key and the webhook
 * endpoint's own signing secret are required (the local one is published in {@code application-local.yml}).
 */
public final class PaymentDefaults implements DevelopmentDefaults {

    static final Set<String> PUBLISHED_WEBHOOK_SECRETS = Set.of("whsec_local_simulated");

    @Override
    public List<String> inEffect(Environment environment) {
        List<String> inEffect = new ArrayList<>();
        String provider = environment.getProperty("ticketing.payment.provider", "stripe");
        if (!provider.toLowerCase(Locale.ROOT).equals("stripe")) {
            inEffect.add("ticketing.payment.provider is " + provider + ": only stripe takes real payments ("
                    + DevelopmentDefaults.variable("ticketing.payment.provider") + "=stripe)");
        }
        DevelopmentDefaults.secret(environment, "ticketing.payment.stripe.api-key", Set.of()).ifPresent(inEffect::add);
        DevelopmentDefaults.secret(environment, "ticketing.payment.stripe.webhook-secret", PUBLISHED_WEBHOOK_SECRETS)
                .ifPresent(inEffect::add);
        return inEffect;
    }
}
