package io.ticketing.notification.ticket;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * The public half of an Ed25519 private key (RFC 8032, section 5.1.5). The JDK signs with a PKCS#8 private key but
 * cannot derive its public key, and a configured signing key is only the private key; so the point {@code s·B} is
 * computed here, with plain affine Edwards arithmetic (it runs once, at start-up, on a key that is no secret to
 * its own process).
 */
final class Ed25519PublicKeys {

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger[] BASE = {
            new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202"),
            new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960") };
    /** SubjectPublicKeyInfo header for Ed25519 (RFC 8410); the 32 key bytes follow. */
    private static final byte[] X509_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00 };

    private Ed25519PublicKeys() {
    }

    static PublicKey of(EdECPrivateKey privateKey) {
        byte[] seed = privateKey.getBytes().orElseThrow(() -> new IllegalArgumentException("The key hides its bytes"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-512").digest(seed);
            byte[] scalar = Arrays.copyOf(hash, 32);
            scalar[0] &= (byte) 248;
            scalar[31] &= 127;
            scalar[31] |= 64;
            byte[] encoded = encode(multiply(new BigInteger(1, reversed(scalar))));
            byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + encoded.length);
            System.arraycopy(encoded, 0, x509, X509_PREFIX.length, encoded.length);
            return KeyFactory.getInstance(TicketCodes.ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static BigInteger[] multiply(BigInteger scalar) {
        BigInteger[] result = { BigInteger.ZERO, BigInteger.ONE };
        for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
            result = add(result, result);
            if (scalar.testBit(bit)) {
                result = add(result, BASE);
            }
        }
        return result;
    }

    /** Twisted Edwards addition (a = -1); complete for Ed25519, so it also doubles. */
    private static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        BigInteger xx = p[0].multiply(q[0]);
        BigInteger yy = p[1].multiply(q[1]);
        BigInteger dxxyy = D.multiply(xx).multiply(yy).mod(P);
        BigInteger x = p[0].multiply(q[1]).add(q[0].multiply(p[1])).multiply(BigInteger.ONE.add(dxxyy).modInverse(P));
        BigInteger y = yy.add(xx).multiply(BigInteger.ONE.subtract(dxxyy).mod(P).modInverse(P));
        return new BigInteger[] { x.mod(P), y.mod(P) };
    }

    /** y in 32 little-endian bytes, with the lowest bit of x in the top bit. */
    private static byte[] encode(BigInteger[] point) {
        byte[] bigEndian = point[1].toByteArray();
        byte[] y = new byte[32];
        for (int i = 0; i < Math.min(32, bigEndian.length); i++) {
            y[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (point[0].testBit(0)) {
            y[31] |= (byte) 0x80;
        }
        return y;
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return reversed;
    }
}
