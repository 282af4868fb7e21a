package io.ticketing.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies who is calling a service: the caller (the gateway, or another service of the platform) and
 * the identity it vouches for (the customer, their e-mail address, the app whose key was checked). The signature
 * is an HMAC-SHA256 under a secret only the platform's services hold, over those values and the second it was
 * made; it is accepted for {@value #MAX_AGE_SECONDS} seconds either side of the verifier's clock. A service
 * believes an identity header only with a valid signature over it, so a request sent straight to a service, past
 * the gateway, cannot claim to be anyone.
 *
 * <p>Headers: {@value #CALLER_HEADER} names the caller, {@value #SIGNATURE_HEADER} carries
 * {@code t=<epoch seconds>,v1=<base64url HMAC>}.
 */
public final class CallerSignatures {

    public static final String CALLER_HEADER = "X-Ticketing-Caller";
    public static final String SIGNATURE_HEADER = "X-Ticketing-Signature";
    /** The secret of developers' machines and the tests, published here: refused outside the local profile. */
    public static final String LOCAL_SECRET = "local-internal-secret-not-for-production";
    public static final long MAX_AGE_SECONDS = 300;
    static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public CallerSignatures(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The internal secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    /** What a caller vouches for; any part may be null (a call with no customer, no app). */
    public record Identity(String caller, String customerId, String customerEmail, String apiClient) {
    }

    /** The {@value #SIGNATURE_HEADER} value for this identity, made at {@code epochSecond}. */
    public String sign(Identity identity, long epochSecond) {
        return "t=" + epochSecond + ",v1=" + mac(identity, epochSecond);
    }

    /** Whether {@code signature} was made over exactly this identity, by a holder of the secret, recently enough. */
    public boolean verify(Identity identity, String signature, long nowEpochSecond) {
        if (identity.caller() == null || signature == null || !signature.startsWith("t=")) {
            return false;
        }
        int comma = signature.indexOf(",v1=");
        if (comma < 0) {
            return false;
        }
        long madeAt;
        try {
            madeAt = Long.parseLong(signature.substring(2, comma));
        }
        catch (NumberFormatException ex) {
            return false;
        }
        if (Math.abs(nowEpochSecond - madeAt) > MAX_AGE_SECONDS) {
            return false;
        }
        byte[] expected = mac(identity, madeAt).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.substring(comma + 4).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private String mac(Identity identity, long epochSecond) {
        String signed = "v1\n" + epochSecond + "\n" + text(identity.caller()) + "\n" + text(identity.customerId())
                + "\n" + text(identity.customerEmail()) + "\n" + text(identity.apiClient());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(macs.get().doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A key for another use of the platform's secret ({@code purpose} names it), so that no value made for one use is
     * valid for another: HMAC-SHA256 of the purpose under the secret.
     */
    byte[] derive(String purpose) {
        return newMac(key).doFinal(("derive\n" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** A MAC under {@code key}; one per thread, since a {@link Mac} is not safe to share. */
    static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(key.getAlgorithm());
            mac.init(key);
            return mac;
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
