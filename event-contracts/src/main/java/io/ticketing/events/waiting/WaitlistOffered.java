package io.ticketing.events.waiting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.ticketing.events.KeyedByShow;
import io.ticketing.events.Topics;

/**
 * A waiter was offered seats: a hold made on their behalf, to be paid before {@code expiresAt} like any hold.
 * {@code customerEmail} is null when the waiter's session had none.
 */
public record WaitlistOffered(UUID eventId, Instant occurredAt, UUID entryId, UUID showId, UUID customerId,
        UUID holdId, List<String> seatIds, Instant expiresAt, String customerEmail) implements KeyedByShow {

    public WaitlistOffered {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(showId, "showId");
        seatIds = List.copyOf(seatIds);
    }

    @Override
    public String topic() {
        return Topics.WAITING_WAITLIST_EVENTS;
    }
}
