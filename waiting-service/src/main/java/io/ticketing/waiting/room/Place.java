package io.ticketing.waiting.room;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer's place in a waiting room as the customer sees it. {@code position} counts the customers still waiting
 * up to and including this one (1 = next), once the room is open; {@code etaSeconds} is the expected wait at the rate
 * admission runs at now (before the opening: the time until it). Once {@code ADMITTED}, {@code admissionToken} goes
 * in the {@code X-Admission-Token} header of the customer's holds of the show until {@code admittedUntil}.
 */
public record Place(UUID ticketId, UUID showId, Status status, Long position, Long etaSeconds, Instant opensAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String admissionToken,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant admittedUntil) {

    public enum Status {
        /** The room has not opened: the place is drawn at the opening. */
        BEFORE_OPENING,
        WAITING,
        /** Let in: hold seats with the admission token until {@code admittedUntil}. */
        ADMITTED,
        /** Was let in, and the admission's time is up. */
        EXPIRED,
        /** No seat is left to hold: the show's waiting list may still help. */
        SOLD_OUT,
        /** The room was closed: holds need no token any more. */
        CLOSED;

        /** Whether the place may still change on its own. */
        public boolean waits() {
            return this == BEFORE_OPENING || this == WAITING;
        }
    }

    /** The place of a ticket in its room at {@code now}; {@code token} is its admission token once admitted. */
    static Place of(TicketRepository.Place stored, Instant now, String token) {
        Ticket ticket = stored.ticket();
        Room room = stored.room();
        Status status = status(ticket, room, now);
        Long position = status == Status.WAITING ? ticket.rank() - room.admittedThrough() : null;
        Long eta = switch (status) {
            case WAITING -> room.etaSeconds(position);
            case BEFORE_OPENING -> Math.max(0, Duration.between(now, room.opensAt()).toSeconds());
            default -> null;
        };
        return new Place(ticket.ticketId(), ticket.showId(), status, position, eta, room.opensAt(),
                status == Status.ADMITTED ? token : null, ticket.admittedUntil());
    }

    private static Status status(Ticket ticket, Room room, Instant now) {
        if (ticket.admittedAt() != null) {
            return now.isBefore(ticket.admittedUntil()) ? Status.ADMITTED : Status.EXPIRED;
        }
        return switch (room.status()) {
            case SOLD_OUT -> Status.SOLD_OUT;
            case CLOSED -> Status.CLOSED;
            case SCHEDULED -> Status.BEFORE_OPENING;
            case OPEN -> ticket.rank() == null ? Status.BEFORE_OPENING : Status.WAITING;
        };
    }
}
