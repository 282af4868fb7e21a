package io.ticketing.gateway.access;

import java.time.Instant;
import java.util.UUID;

/**
 * A verified customer session: which session it is (what signing out revokes), who the customer is, until when.
 */
public record CustomerSession(String sessionId, UUID customerId, String email, Instant expiresAt) {
}
