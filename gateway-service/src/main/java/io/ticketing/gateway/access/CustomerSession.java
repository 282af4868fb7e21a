package io.ticketing.gateway.access;

import java.time.Instant;
import java.util.UUID;

/** A verified customer session: who the customer is, until when. */
public record CustomerSession(UUID customerId, String email, Instant expiresAt) {
}
