package io.ticketing.payment.provider;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;

import io.ticketing.starter.RequestRejectedException;

/**
 * Reads webhook events the way Stripe signs them, whoever sent them (Stripe or the simulated provider): the
 * {@code Stripe-Signature} header must hold an HMAC-SHA256 of {@code timestamp.payload} under the endpoint's
 * secret, and the timestamp may be at most the tolerance old, so a captured event cannot be replayed later.
 * Verification is stripe-java's own ({@link Webhook.Signature#verifyHeader}, the check {@link Webhook#constructEvent}
 * makes), done on its own so that a forged header and a signed payload that is no event are told apart.
 */
public class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    private final String secret;
    private final long toleranceSeconds;
    private final Clock clock;

    public StripeWebhooks(String secret, Duration tolerance, Clock clock) {
        this.secret = secret;
        this.toleranceSeconds = tolerance.toSeconds();
        this.clock = clock;
    }

    /**
     * The event, if {@code signature} proves that the holder of the secret sent exactly {@code payload} lately.
     *
     * @throws RequestRejectedException {@code INVALID_SIGNATURE} otherwise; {@code MALFORMED_EVENT} for a signed
     *         payload that is not an event
     */
    public ProviderEvent verify(String payload, String signature) {
        try {
            Webhook.Signature.verifyHeader(payload, signature == null ? "" : signature, secret, toleranceSeconds, clock);
        }
        catch (SignatureVerificationException | RuntimeException ex) {
            // a header that is not even of Stripe's form (t=...,v1=...) fails with a runtime exception
            throw RequestRejectedException.invalid("INVALID_SIGNATURE", "The webhook's signature is not valid");
        }
        Event event;
        try {
            // verified above: this is what Webhook.constructEvent does after the same check
            event = Webhook.constructEventWithoutVerification(payload);
        }
        catch (RuntimeException ex) {
            throw malformed();
        }
        if (event.getId() == null || event.getType() == null) {
            throw malformed();
        }
        return switch (object(event)) {
            case PaymentIntent intent -> new ProviderEvent(event.getId(), event.getType(), intent.getId(),
                    intent.getStatus(), intent.getLastPaymentError() == null ? null : intent.getLastPaymentError().getCode(),
                    intent.getMetadata(), intent.getAmountReceived() != null && intent.getAmountReceived() > 0
                            ? intent.getAmountReceived() : intent.getAmount(), intent.getCurrency());
            case Refund refund -> new ProviderEvent(event.getId(), event.getType(), refund.getId(), refund.getStatus(),
                    refund.getFailureReason(), refund.getMetadata(), null, null);
            case null, default -> new ProviderEvent(event.getId(), event.getType(), null, null, null, null, null, null);
        };
    }

    private static RequestRejectedException malformed() {
        return RequestRejectedException.invalid("MALFORMED_EVENT", "The webhook's payload is not an event");
    }

    /**
     * The event's object, whatever API version the event was rendered in (the account's default, or the
     * endpoint's): payments read only fields that every version has.
     */
    private static StripeObject object(Event event) {
        try {
            return event.getDataObjectDeserializer().deserializeUnsafe();
        }
        catch (EventDataObjectDeserializationException | RuntimeException ex) {
            log.warn("Could not read the object of webhook event {} ({}); ignored", event.getId(), event.getType());
            return null;
        }
    }
}
