package io.ticketing.notification.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Ticket codes verify with the public key only, and nothing but the genuine code does. */
class TicketCodesTest {

    private static final KeyPair KEYS = generate();
    private static final TicketCode TICKET = new TicketCode(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "A12");

    @Test
    void aSignedCodeVerifiesToWhatItVouchesFor() {
        String code = TicketCodes.sign(TICKET, KEYS.getPrivate());

        assertThat(TicketCodes.verify(code, KEYS.getPublic())).contains(TICKET);
        assertThat(code).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(200);
    }

    @Test
    void keepsSeatIdsInAnyScript() {
        var ticket = new TicketCode(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Ложа-7 🎭");
        assertThat(TicketCodes.verify(TicketCodes.sign(ticket, KEYS.getPrivate()), KEYS.getPublic())).contains(ticket);
    }

    @Test
    void rejectsAlteredForgedAndGarbledCodes() {
        String code = TicketCodes.sign(TICKET, KEYS.getPrivate());
        String[] parts = code.split("\\.");
        var otherSeat = new TicketCode(TICKET.ticketId(), TICKET.bookingId(), TICKET.showId(), "A13");
        String swappedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(otherSeat.payload()) + "." + parts[1];

        assertThat(TicketCodes.verify(swappedPayload, KEYS.getPublic())).as("another seat, same signature").isEmpty();
        assertThat(TicketCodes.verify(flipLastCharacter(code), KEYS.getPublic()))
                .as("altered signature, or only the unused bits of its last character").isEmpty();
        assertThat(TicketCodes.verify(code + "==", KEYS.getPublic())).as("padded").isEmpty();
        assertThat(TicketCodes.verify(TicketCodes.sign(TICKET, generate().getPrivate()), KEYS.getPublic()))
                .as("signed with another key").isEmpty();
        for (String garbled : new String[] { "", ".", "a.b.c", "%%%.###", parts[0], parts[0] + ".", "." + parts[1] }) {
            assertThat(TicketCodes.verify(garbled, KEYS.getPublic())).as(garbled).isEmpty();
        }
    }

    @Test
    void readsThePublicKeyAsBase64OrPem() {
        String base64 = Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";

        assertThat(TicketCodes.publicKey(base64)).isEqualTo(KEYS.getPublic());
        assertThat(TicketCodes.publicKey(pem)).isEqualTo(KEYS.getPublic());
        assertThatThrownBy(() -> TicketCodes.publicKey("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesThePublicKeyOfAConfiguredPrivateKey() throws Exception {
        for (int i = 0; i < 5; i++) {
            KeyPair pair = generate();
            assertThat(Ed25519PublicKeys.of((EdECPrivateKey) pair.getPrivate()).getEncoded())
                    .isEqualTo(pair.getPublic().getEncoded());
        }
        // RFC 8032, section 7.1, test 1
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420"
                + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        var privateKey = (EdECPrivateKey) KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        byte[] publicKey = Ed25519PublicKeys.of(privateKey).getEncoded();
        assertThat(HexFormat.of().formatHex(publicKey, publicKey.length - 32, publicKey.length))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    }

    private static String flipLastCharacter(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
