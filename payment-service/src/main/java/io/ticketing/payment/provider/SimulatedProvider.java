package io.ticketing.payment.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for Stripe where there is no Stripe (locally, in tests): PaymentIntents and refunds with Stripe-like
 * ids, and the card step ({@link #completeCardStep}) answered by a signed {@code payment_intent.succeeded} or
 * {@code payment_intent.payment_failed} webhook, as Stripe answers a customer's card. Ids derive from the
 * idempotency key, so a repeated call returns the same object, even after a restart.
 */
public class SimulatedProvider implements PaymentProvider, AutoCloseable {

    /** What Stripe's test card {@code 4000 0000 0000 0002} fails with. */
    static final String DECLINED = "card_declined";

    private final SimulatedWebhooks webhooks;
    private final Clock clock;
    private final Set<String> refunds = ConcurrentHashMap.newKeySet();

    public SimulatedProvider(SimulatedWebhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public Intent createIntent(Charge charge, String idempotencyKey) {
        String id = "pi_sim_" + token("intent", idempotencyKey);
        return new Intent(id, id + "_secret_" + token("secret", idempotencyKey));
    }

    /** Card refunds succeed at once at Stripe: announced by one {@code refund.created} event per refund. */
    @Override
    public String refund(String intentId, Charge charge, String idempotencyKey) {
        String id = "re_sim_" + token("refund", idempotencyKey);
        if (refunds.add(id)) {
            var refund = new LinkedHashMap<String, Object>();
            refund.put("id", id);
            refund.put("object", "refund");
            refund.put("amount", charge.minorUnits());
            refund.put("charge", "ch_sim_" + token("charge", intentId));
            refund.put("created", clock.instant().getEpochSecond());
            refund.put("currency", charge.currency().toLowerCase(Locale.ROOT));
            refund.put("metadata", charge.metadata());
            refund.put("payment_intent", intentId);
            refund.put("reason", null);
            refund.put("status", "succeeded");
            webhooks.send("refund.created", refund);
        }
        return id;
    }

    /** The customer's card step: the intent succeeds, or fails as a declined card does. */
    public void completeCardStep(Intent intent, Charge charge, boolean succeeded) {
        var object = new LinkedHashMap<String, Object>();
        object.put("id", intent.id());
        object.put("object", "payment_intent");
        object.put("amount", charge.minorUnits());
        object.put("amount_received", succeeded ? charge.minorUnits() : 0);
        object.put("capture_method", "automatic");
        object.put("client_secret", intent.clientSecret());
        object.put("created", clock.instant().getEpochSecond());
        object.put("currency", charge.currency().toLowerCase(Locale.ROOT));
        object.put("last_payment_error", succeeded ? null : Map.of("code", DECLINED, "decline_code",
                "generic_decline", "message", "Your card was declined.", "type", "card_error"));
        object.put("livemode", false);
        object.put("metadata", charge.metadata());
        object.put("payment_method_types", List.of("card"));
        object.put("status", succeeded ? "succeeded" : "requires_payment_method");
        webhooks.send(succeeded ? "payment_intent.succeeded" : "payment_intent.payment_failed", object);
    }

    private static String token(String kind, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    @Override
    public void close() {
        webhooks.close();
    }
}
