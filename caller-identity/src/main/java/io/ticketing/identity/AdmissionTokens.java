package io.ticketing.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Admission tokens of a show's virtual waiting room: waiting-service issues one to each customer it admits, and the
 * gateway lets that customer's holds of that show through until the token's time is up. A token is
 * {@code a1.<admitted until, epoch seconds>.<base64url HMAC-SHA256>} over the show, the customer and that time, under
 * a key derived from the platform's internal secret: the gateway checks it without asking anyone, and a token copied
 * to another customer or another show does not verify. The customer and the show are not in the token; the request
 * names them (the session, the path).
 */
public final class AdmissionTokens {

    public static final String HEADER = "X-Admission-Token";
    private static final String PREFIX = "a1.";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String KEY_PURPOSE = "ticketing admission tokens v1";

    private final ThreadLocal<Mac> macs;

    public AdmissionTokens(String internalSecret) {
        SecretKeySpec derived = new SecretKeySpec(new CallerSignatures(internalSecret).derive(KEY_PURPOSE), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> CallerSignatures.newMac(derived));
    }

    /** The token admitting {@code customerId} to hold seats of {@code showId} until {@code admittedUntil}. */
    public String issue(UUID showId, UUID customerId, Instant admittedUntil) {
        long until = admittedUntil.getEpochSecond();
        return PREFIX + until + "." + mac(showId, customerId, until);
    }

    /** Whether {@code token} admits {@code customerId} to {@code showId} at {@code now}. */
    public boolean admits(String token, UUID showId, UUID customerId, Instant now) {
        if (token == null || !token.startsWith(PREFIX)) {
            return false;
        }
        int dot = token.indexOf('.', PREFIX.length());
        if (dot < 0) {
            return false;
        }
        long until;
        try {
            until = Long.parseLong(token, PREFIX.length(), dot, 10);
        }
        catch (NumberFormatException ex) {
            return false;
        }
        if (now.getEpochSecond() >= until) {
            return false;
        }
        byte[] expected = mac(showId, customerId, until).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private String mac(UUID showId, UUID customerId, long until) {
        String signed = showId + "\n" + customerId + "\n" + until;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(macs.get().doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
