package io.ticketing.gateway.access;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * A customer's id follows the person, not the device or the session: it is derived from what identifies them (their
 * e-mail address, or their subject at a trusted OpenID Connect issuer), so every session of one person names the same
 * customer, on every gateway instance, without a table to keep. The id is a pseudonym, not a secret: only a
 * verified session ever makes the gateway speak for a customer.
 */
final class CustomerIds {

    private CustomerIds() {
    }

    static UUID ofEmail(String email) {
        return UUID.nameUUIDFromBytes(("email:" + normalized(email)).getBytes(StandardCharsets.UTF_8));
    }

    static UUID ofSubject(String issuer, String subject) {
        return UUID.nameUUIDFromBytes(("oidc:" + issuer + " " + subject).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code Ana@Example.com } and {@code ana@example.com} are one address, as every mail provider treats them. */
    static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
