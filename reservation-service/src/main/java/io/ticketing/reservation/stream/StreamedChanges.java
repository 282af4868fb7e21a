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

    static StreamedChanges of(SeatChange change) {
        return new StreamedChanges(change.showId(), change.sequence(), change.sequence(), change.seats());
    }

    /** These changes followed by the next one: a seat changed by both has the status the later one gave it. */
    StreamedChanges and(SeatChange next) {
        Map<String, String> statuses = new LinkedHashMap<>();
        seats.forEach(seat -> statuses.put(seat.seatId(), seat.status()));
        next.seats().forEach(seat -> statuses.put(seat.seatId(), seat.status()));
        List<SeatStatus> merged = new ArrayList<>(statuses.size());
        statuses.forEach((seatId, status) -> merged.add(new SeatStatus(seatId, status)));
        return new StreamedChanges(showId, firstSequence, next.sequence(), merged);
    }
}
