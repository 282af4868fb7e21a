package io.ticketing.payment.payments;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.payment.config.PaymentProperties;
import io.ticketing.starter.metrics.AfterCommit;

/**
 * Money's business meters: {@code ticketing.payments} (payments that succeeded or failed, per provider),
 * {@code ticketing.refunds} (refunds requested, and how the provider ended them), the money in each as
 * {@code ticketing.payments.amount} and {@code ticketing.refunds.amount} (in the currency's major unit, per currency:
 * revenue is the succeeded payments' less the succeeded refunds'), and {@code ticketing.payment.webhooks}
 * (what the webhook endpoint made of each delivery; an alert on failing webhooks reads it). A change of state counts
 * when its transaction commits, once, however often its webhook or booking event arrives. Every counter is built
 * once, up front.
 */
@Component
class PaymentMetrics {

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
    /** Per outcome and currency: a currency's counters are built when its first payment or refund counts. */
    private final Map<String, Counter> amounts = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
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

    /**
     * A payment succeeded or failed: counted per provider ({@code stripe}, {@code simulated}), its money per currency.
     */
    void payment(PaymentOutcome outcome, Payment payment) {
        Counter counter = payments.get(outcome).get(payment.provider());
        Counter amount = amount("ticketing.payments.amount", "Money of the payments that succeeded or failed",
                word(outcome), payment.currency());
        AfterCommit.run(() -> {
            if (counter != null) {
                counter.increment();
            }
            amount.increment(payment.amount().doubleValue());
        });
    }

    void refund(RefundOutcome outcome, BigDecimal amount, String currency) {
        Counter money = amount("ticketing.refunds.amount", "Money of the refunds requested, and how they ended",
                word(outcome), currency);
        AfterCommit.run(() -> {
            refunds.get(outcome).increment();
            money.increment(amount.doubleValue());
        });
    }

    private Counter amount(String name, String description, String outcome, String currency) {
        String code = currency.toUpperCase(Locale.ROOT);
        return amounts.computeIfAbsent(name + ' ' + outcome + ' ' + code, key -> Counter.builder(name)
                .description(description).tag("outcome", outcome).tag("currency", code).register(registry));
    }

    /** A webhook delivery's outcome, counted when the endpoint answers. */
    void webhook(WebhookOutcome outcome) {
        webhooks.get(outcome).increment();
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
