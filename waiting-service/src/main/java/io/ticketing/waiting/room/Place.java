package io.ticketing.waiting.room;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer's place in a waiting room as the customer sees it. {@code position} counts the customers still waiting
 * up to and including this one (1 = next), once the room is open; {@code etaSeconds} is the expected wait at the rate
 * admission runs at now (before the opening: the time until it). Once {@code ADMITTED}, {@code admissionToken} goes
 * in the {@code X-Admission-Token} header of the customer's holds of the show until {@code admittedUntil} (the
 * admission runs from the first read that tells of it, if that comes while it runs).
 * {@code readAgainSeconds}, while the place waits, is when the customer's page should read it again: zero when the
 * customer's turn (or the opening) may come within half a long poll, so that the page long-polls and hears of it at
 * once; further back, later, so that the room's whole crowd reads at the rate the room allows ({@link
 * RoomProperties#readAgain}, {@link RoomProperties#readAgainBeforeOpening}). In a stream, the next event with a
 * position comes after that long, 5 s at the least.
 */
public record Place(UUID ticketId, UUID showId, Status status, Long position, Long etaSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long readAgainSeconds, Instant opensAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String admissionToken,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant admittedUntil) {

    /**
     * A long poll over its instance's limit is answered at once, its page told to read again after this long to twice
     * it.
     */
    public static final Duration REFUSED_POLL_AGAIN = Duration.ofSeconds(5);

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

    /**
     * This place as a long poll over its instance's limit answers it: its page told to read it again in {@code
     * seconds} at the soonest (when it waits at all), and, before the opening, that long after the opening.
     */
    public Place refusedPoll(long seconds) {
        long after = status == Status.BEFORE_OPENING ? etaSeconds + seconds : seconds;
        return readAgainSeconds == null || readAgainSeconds >= after ? this
                : new Place(ticketId, showId, status, position, etaSeconds, after, opensAt, admissionToken,
                        admittedUntil);
    }

    /**
     * The place of a ticket in its room at {@code now}; {@code token} is its admission token once admitted. A waiting
     * page reads it again per {@code properties} (after {@code jitter}, 0 to 1, of its spread), or long-polls (for up
     * to {@code longPoll}) once its turn may be half of that away ({@link Admission#soonestTurn}): the customers who
     * long-poll at once are at most a quarter of a minute's admissions at the configured rate, and no page sleeps
     * through its turn unless an admin raises the rate. Before the opening, {@code openingCrowd} customers wait for it
     * and spread their reads the same way ({@link RoomProperties#readAgainBeforeOpening}).
     */
    static Place of(TicketRepository.Place stored, long openingCrowd, Instant now, String token,
            RoomProperties properties, Duration longPoll, double jitter) {
        Ticket ticket = stored.ticket();
        Room room = stored.room();
        Status status = status(ticket, room, now);
        Long position = status == Status.WAITING ? ticket.rank() - room.admittedThrough() : null;
        Long eta = switch (status) {
            case WAITING -> room.etaSeconds(position);
            case BEFORE_OPENING -> Math.max(0, Duration.between(now, room.opensAt()).toSeconds());
            default -> null;
        };
        Long readAgain = switch (status) {
            case WAITING -> {
                Duration turn = Admission.soonestTurn(room, position, now, properties);
                yield properties.readAgain(room.lastRank() - room.admittedThrough(),
                        room.effectivePerMinute() / room.admitPerMinute(), turn, longPoll.dividedBy(2),
                        room.admission(), jitter).toSeconds();
            }
            case BEFORE_OPENING -> properties.readAgainBeforeOpening(openingCrowd,
                    Duration.between(now, room.opensAt()), longPoll.dividedBy(2), REFUSED_POLL_AGAIN, room.admission(),
                    jitter).toSeconds();
            default -> null;
        };
        return new Place(ticket.ticketId(), ticket.showId(), status, position, eta, readAgain, room.opensAt(),
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
