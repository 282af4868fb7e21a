package io.ticketing.reservation.seating;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One change of a show's seats, as every seat script publishes it on the show's channel
 * ({@link SeatKeys#changes()}): {@code <sequence>|<seatId>=<STATUS>,...}. The sequence grows by one with
 * each change of a show, so a gap means a change was missed.
 */
public record SeatChange(UUID showId, long sequence, List<SeatStatus> seats) {

    public SeatChange {
        seats = List.copyOf(seats);
    }

    /**
     * Reads a message of channel {@code show:{<showId>}:seats:changes}; empty for anything else, which is
     * ignored rather than allowed to stop the other shows' changes.
     */
    public static Optional<SeatChange> parse(String channel, String message) {
        int open = channel.indexOf('{');
        int close = channel.indexOf('}');
        int bar = message.indexOf('|');
        if (open < 0 || close < open || bar < 1) {
            return Optional.empty();
        }
        try {
            UUID showId = UUID.fromString(channel.substring(open + 1, close));
            long sequence = Long.parseLong(message.substring(0, bar));
            List<SeatStatus> seats = new ArrayList<>();
            for (String change : message.substring(bar + 1).split(",")) {
                int equals = change.indexOf('=');
                if (equals < 1) {
                    return Optional.empty();
                }
                seats.add(new SeatStatus(change.substring(0, equals), change.substring(equals + 1)));
            }
            return Optional.of(new SeatChange(showId, sequence, seats));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
