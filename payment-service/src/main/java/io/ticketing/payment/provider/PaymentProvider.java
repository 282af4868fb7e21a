package io.ticketing.payment.provider;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

/**
 * Takes and returns money. Every call carries an idempotency key: repeating a call with the same key (after a
 * timeout, a crash, on another instance) yields the same PaymentIntent or refund, never a second one. What
 * happened to them arrives later, as signed webhook events.
 */
public interface PaymentProvider {

    /** {@code stripe} or {@code simulated}: tells clients which card step to run. */
    String name();

    /**
     * @throws ProviderException when the provider cannot be reached or refuses
     */
    Intent createIntent(Charge charge, String idempotencyKey);

    /**
     * Refunds {@code amount} of the PaymentIntent.
     *
     * @return the provider's refund id ({@code re_...})
     * @throws ProviderException when the provider cannot be reached or refuses
     */
    String refund(String intentId, Charge charge, String idempotencyKey);

    /** An amount in a currency (ISO 4217), with metadata the provider keeps and sends back in its webhooks. */
    record Charge(BigDecimal amount, String currency, Map<String, String> metadata) {

        public Charge {
            metadata = Map.copyOf(metadata);
        }

        /** The amount in the currency's smallest unit (cents), as providers count. */
        public long minorUnits() {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return amount.movePointRight(Math.max(digits, 0)).longValueExact();
        }
    }

    /** A PaymentIntent: its id ({@code pi_...}) and the secret the client confirms it with. */
    record Intent(String id, String clientSecret) {
    }

    /** The provider could not be reached or refused the call; the same call may be repeated. */
    class ProviderException extends RuntimeException {

        public ProviderException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
