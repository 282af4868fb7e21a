package io.ticketing.payment.payments;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.starter.metrics.AfterCommit;
import io.ticketing.payment.config.PaymentProperties;

/**
 * Money's business meters: {@code ticketing.payments} (payments that succeeded or failed, per provider),
 * {@code ticketing.refunds} (refunds requested, and how the provider ended them) and {@code ticketing.payment.webhooks}
 * (what the webhook endpoint made of each delivery; an alert on failing webhooks reads it). A change of state counts
 * when its transaction commits, once, however often its webhook or booking event arrives. Every counter is built
 * once, up front.
 */
@Component
class PaymentMeters {

    enum PaymentOutcome {
        SUCCEEDED, FAILED
    }

    enum RefundOutcome {
        REQUESTED, SUCCEEDED, FAILED
    }

    enum WebhookOutcome {
        /** Verified, first delivery: applied (or, for a type or an object that is not ours, acknowledged). */
        APPLIED,
        /** Verified, delivered before: acknowledged, nothing changed. */
        DUPLICATE,
        INVALID_SIGNATURE,
        /** Signed, but not an event. */
        MALFORMED
    }

    private final Map<PaymentOutcome, Map<String, Counter>> payments = new EnumMap<>(PaymentOutcome.class);
    private final Map<RefundOutcome, Counter> refunds = new EnumMap<>(RefundOutcome.class);
    private final Map<WebhookOutcome, Counter> webhooks = new EnumMap<>(WebhookOutcome.class);

    PaymentMeters(MeterRegistry registry) {
        for (PaymentOutcome outcome : PaymentOutcome.values()) {
            Map<String, Counter> byProvider = new HashMap<>();
            for (PaymentProperties.Provider provider : PaymentProperties.Provider.values()) {
                String name = word(provider);
                byProvider.put(name, Counter.builder("ticketing.payments")
                        .description("Payments the provider reported succeeded or failed")
                        .tag("outcome", word(outcome)).tag("provider", name).register(registry));
            }
            payments.put(outcome, Map.copyOf(byProvider));
        }
        for (RefundOutcome outcome : RefundOutcome.values()) {
            refunds.put(outcome, Counter.builder("ticketing.refunds")
                    .description("Refunds requested (for a rejected payment or a cancelled booking) and how they ended")
                    .tag("outcome", word(outcome)).register(registry));
        }
        for (WebhookOutcome outcome : WebhookOutcome.values()) {
            webhooks.put(outcome, Counter.builder("ticketing.payment.webhooks")
                    .description("Webhook deliveries from the payment provider, by what became of them")
                    .tag("outcome", word(outcome)).register(registry));
        }
    }

    /** A payment of {@code provider} ({@code stripe}, {@code simulated}) succeeded or failed. */
    void payment(PaymentOutcome outcome, String provider) {
        Counter counter = payments.get(outcome).get(provider);
        if (counter != null) {
            AfterCommit.run(counter::increment);
        }
    }

    void refund(RefundOutcome outcome) {
        AfterCommit.run(refunds.get(outcome)::increment);
    }

    /** A webhook delivery's outcome, counted when the endpoint answers. */
    void webhook(WebhookOutcome outcome) {
        webhooks.get(outcome).increment();
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
