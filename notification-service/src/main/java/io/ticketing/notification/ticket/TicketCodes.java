package io.ticketing.notification.ticket;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The ticket code: {@code base64url(payload) + "." + base64url(signature)}, without padding, where the payload is
 * {@link TicketCode#payload()} and the signature is Ed25519 over exactly those bytes. Verifying needs nothing but the
 * JDK and the public key that {@code GET /api/v1/tickets/public-key} publishes, so a scanner checks tickets
 * offline: copy this class and {@link TicketCode}, then
 * {@code TicketCodes.verify(scanned, TicketCodes.publicKey(publishedKey))}.
 */
public final class TicketCodes {

    public static final String ALGORITHM = "Ed25519";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private TicketCodes() {
    }

    public static String sign(TicketCode ticket, PrivateKey key) {
        byte[] payload = ticket.payload();
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(payload);
            return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signer.sign());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot sign tickets with this key", ex);
        }
    }

    /** What the code vouches for if {@code key} signed it; empty for a forged, altered or garbled code. */
    public static Optional<TicketCode> verify(String code, PublicKey key) {
        String[] parts = code.split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] payload = canonical(parts[0]);
            byte[] signature = canonical(parts[1]);
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(payload);
            return verifier.verify(signature) ? TicketCode.fromPayload(payload) : Optional.empty();
        }
        catch (IllegalArgumentException | SignatureException ex) {
            return Optional.empty();
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("Cannot verify tickets with this key", ex);
        }
    }

    /**
     * The bytes of unpadded base64url text that is exactly how they encode: the decoder ignores the unused low bits
     * of the last character, which would let several strings pass for one code.
     */
    private static byte[] canonical(String base64url) {
        byte[] bytes = DECODER.decode(base64url);
        if (!ENCODER.encodeToString(bytes).equals(base64url)) {
            throw new IllegalArgumentException("Not canonical base64url");
        }
        return bytes;
    }

    /** The public key from its X.509 (SubjectPublicKeyInfo) encoding, in base64 or as a PEM block. */
    public static PublicKey publicKey(String x509) {
        String base64 = x509.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("Not an Ed25519 public key", ex);
        }
    }
}
