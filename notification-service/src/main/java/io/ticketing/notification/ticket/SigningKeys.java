package io.ticketing.notification.ticket;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key pair tickets are signed with: the configured private key (its public half derived), or else, on a
 * developer's machine only ({@link TicketDefaults}), the one generated into the database. Instances starting
 * together may each generate one; the first to insert it wins and every instance reads the winner, so all of them
 * sign with, and publish, the same key.
 */
@Component
class SigningKeys {

    private static final String NAME = "tickets";

    private final KeyPair keys;

    SigningKeys(TicketProperties properties, JdbcClient jdbc) {
        this.keys = Optional.ofNullable(properties.signingKey()).filter(key -> !key.isBlank())
                .map(SigningKeys::configured)
                .orElseGet(() -> stored(jdbc));
    }

    KeyPair keys() {
        return keys;
    }

    private static KeyPair configured(String pkcs8) {
        try {
            var privateKey = (EdECPrivateKey) KeyFactory.getInstance(TicketCodes.ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(base64(pkcs8)));
            return new KeyPair(Ed25519PublicKeys.of(privateKey), privateKey);
        }
        catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
            throw new IllegalStateException("ticketing.notification.tickets.signing-key is not an Ed25519 private key "
                    + "in PKCS#8", ex);
        }
    }

    private static KeyPair stored(JdbcClient jdbc) {
        try {
            KeyPair generated = KeyPairGenerator.getInstance(TicketCodes.ALGORITHM).generateKeyPair();
            jdbc.sql("INSERT INTO signing_key (name, private_key, public_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(NAME, text(generated.getPrivate().getEncoded()), text(generated.getPublic().getEncoded()))
                    .update();
            return jdbc.sql("SELECT private_key, public_key FROM signing_key WHERE name = ?").param(NAME)
                    .query((rs, n) -> pair(rs.getString("private_key"), rs.getString("public_key"))).single();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static KeyPair pair(String privateKey, String publicKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance(TicketCodes.ALGORITHM);
            return new KeyPair(TicketCodes.publicKey(publicKey),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(base64(privateKey))));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] base64(String keyText) {
        return Base64.getDecoder().decode(keyText.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static String text(byte[] encoded) {
        return Base64.getEncoder().encodeToString(encoded);
    }
}
