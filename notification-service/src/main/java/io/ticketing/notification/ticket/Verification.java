package io.ticketing.notification.ticket;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a ticket code proves. {@code valid}: the platform signed it (all an offline scanner can know); the ids are
 * then what it vouches for, and {@code cancelled} whether its booking has been cancelled since. An invalid code
 * says nothing more.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(boolean valid, UUID ticketId, UUID bookingId, UUID showId, String seatId, Boolean cancelled) {

    static Verification invalid() {
        return new Verification(false, null, null, null, null, null);
    }

    static Verification of(TicketCode code, boolean cancelled) {
        return new Verification(true, code.ticketId(), code.bookingId(), code.showId(), code.seatId(), cancelled);
    }
}
