package io.ticketing.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook events as Stripe sends them, from the recorded payloads in {@code src/test/resources/webhooks} with
 * their ids filled in, and signed as Stripe signs them (computed here, independently of the code under test).
 */
final class StripeFixtures {

    static final String SECRET = "whsec_local_simulated";

    private StripeFixtures() {
    }

    /**
     * The recorded event of {@code type} with {@code values} in its {@code {{placeholders}}}; a fresh event id and
     * the current time unless given.
     */
    static String event(String type, Map<String, String> values) {
        var all = new HashMap<String, String>();
        all.put("eventId", "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        all.put("created", String.valueOf(Instant.now().getEpochSecond()));
        all.putAll(values);
        String payload = template(type);
        for (var value : all.entrySet()) {
            payload = payload.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        if (payload.contains("{{")) {
            throw new IllegalArgumentException("Unfilled placeholders in " + type + ": " + payload);
        }
        return payload;
    }

    /** {@code t=<timestamp>,v1=<HMAC-SHA256 of "timestamp.payload">}, as Stripe signs. */
    static String sign(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + timestamp + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String signNow(String payload) {
        return sign(payload, SECRET, Instant.now().getEpochSecond());
    }

    private static String template(String type) {
        try (InputStream in = StripeFixtures.class.getResourceAsStream("/webhooks/" + type + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No recorded webhook " + type);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
