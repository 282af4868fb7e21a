package io.ticketing.payment.provider;

import java.util.Locale;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;

/**
 * Stripe through stripe-java. stripe-java retries network failures itself, with the same idempotency key, so a
 * retried create returns the PaymentIntent or refund of the first try.
 */
public class StripeProvider implements PaymentProvider {

    private static final int NETWORK_RETRIES = 2;

    private final StripeClient stripe;

    public StripeProvider(String apiKey, String apiBase) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("The stripe provider needs ticketing.payment.stripe.api-key "
                    + "(TICKETING_PAYMENT_STRIPE_API_KEY)");
        }
        this.stripe = StripeClient.builder().setApiKey(apiKey).setApiBase(apiBase)
                .setMaxNetworkRetries(NETWORK_RETRIES).build();
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public Intent createIntent(Charge charge, String idempotencyKey) {
        var params = PaymentIntentCreateParams.builder()
                .setAmount(charge.minorUnits())
                .setCurrency(charge.currency().toLowerCase(Locale.ROOT))
                .putAllMetadata(charge.metadata())
                .build();
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().create(params, options(idempotencyKey));
            return new Intent(intent.getId(), intent.getClientSecret());
        }
        catch (StripeException ex) {
            throw new ProviderException("Stripe did not create the PaymentIntent", ex);
        }
    }

    @Override
    public String refund(String intentId, Charge charge, String idempotencyKey) {
        var params = RefundCreateParams.builder()
                .setPaymentIntent(intentId)
                .setAmount(charge.minorUnits())
                .putAllMetadata(charge.metadata())
                .build();
        try {
            return stripe.v1().refunds().create(params, options(idempotencyKey)).getId();
        }
        catch (StripeException ex) {
            throw new ProviderException("Stripe did not refund " + intentId, ex);
        }
    }

    private static RequestOptions options(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }
}
