package io.ticketing.reservation.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ticketing.reservation.seating.SeatChange;
import io.ticketing.reservation.seating.SeatStatus;

/**
 * A {@code seats} event: the changes of a show from {@code firstSequence} to {@code sequence}, each seat with its
 * status after the last of them. One change, or several that came while the client's previous event was being
 * written or within the stream's event interval of it.
 */
record StreamedChanges(UUID showId, long firstSequence, long sequence, List<SeatStatus> seats) {

    StreamedChanges {
        seats = List.copyOf(seats);
    }

    /** Changes waiting to be sent, gathered one by one; the event holds each seat once, however many changes. */
    static final class Pending {

        private final UUID showId;
        private final long firstSequence;
        private long sequence;
        private final Map<String, String> statuses = new LinkedHashMap<>();

        Pending(SeatChange first) {
            this.showId = first.showId();
            this.firstSequence = first.sequence();
            add(first);
        }

        /** The changes {@code firstSequence} to {@code sequence}, told by the seats they left changed. */
        Pending(UUID showId, long firstSequence, long sequence, List<SeatStatus> seats) {
            this.showId = showId;
            this.firstSequence = firstSequence;
            this.sequence = sequence;
            seats.forEach(seat -> statuses.put(seat.seatId(), seat.status()));
        }

        /** The next change: a seat it changes again gets its status. */
        void add(SeatChange next) {
            sequence = next.sequence();
            next.seats().forEach(seat -> statuses.put(seat.seatId(), seat.status()));
        }

        StreamedChanges event() {
            List<SeatStatus> seats = new ArrayList<>(statuses.size());
            statuses.forEach((seatId, status) -> seats.add(new SeatStatus(seatId, status)));
            return new StreamedChanges(showId, firstSequence, sequence, seats);
        }
    }
}
