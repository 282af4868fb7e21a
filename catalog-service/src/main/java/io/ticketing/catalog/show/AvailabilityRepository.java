package io.ticketing.catalog.show;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.catalog.venue.SeatType;
import io.ticketing.events.reservation.SeatAvailabilityChanged;

/** The seats per type that shows can still sell, as reported by reservation-service. */
@Repository
public class AvailabilityRepository {

    private final JdbcClient jdbc;

    AvailabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A newly scheduled show can sell every seat of its hall. */
    void stock(UUID showId, Map<SeatType, Long> seatsPerType) {
        seatsPerType.forEach((type, count) -> jdbc.sql("""
                INSERT INTO show_availability (show_id, seat_type, total, available) VALUES (?, ?, ?, ?)""")
                .params(showId, type.name(), count.intValue(), count.intValue())
                .update());
    }

    /**
     * Stores the counts unless a newer report was stored already (reports can arrive out of order after a
     * redelivery).
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean apply(SeatAvailabilityChanged report) {
        int newer = jdbc.sql("UPDATE show SET availability_sequence = ? WHERE id = ? AND availability_sequence < ?")
                .params(report.sequence(), report.showId(), report.sequence())
                .update();
        if (newer == 0) {
            return false;
        }
        for (SeatAvailabilityChanged.SeatTypeCount count : report.seatTypes()) {
            jdbc.sql("""
                    INSERT INTO show_availability (show_id, seat_type, total, available) VALUES (?, ?, ?, ?)
                    ON CONFLICT (show_id, seat_type) DO UPDATE SET total = excluded.total, available = excluded.available""")
                    .params(report.showId(), count.seatType(), count.total(),
                            Math.clamp(count.available(), 0, count.total()))
                    .update();
        }
        return true;
    }
}
