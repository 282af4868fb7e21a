package io.ticketing.notification.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param signingKey the Ed25519 private key tickets are signed with, PKCS#8 in base64 (or PEM), e.g. from
 *        {@code openssl genpkey -algorithm ed25519}; required outside the {@code local} profile
 *        ({@link TicketDefaults}); absent on a developer's machine, the first instance generates one and keeps it in
 *        the database for all instances
 */
@ConfigurationProperties("ticketing.notification.tickets")
public record TicketProperties(String signingKey) {
}
