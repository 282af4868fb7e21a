package io.ticketing.booking.inventory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.reservation.SeatsHeld;

/** The seats of every show on sale, one row per seat. */
@Service
public class Inventory {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Inventory(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Puts a newly scheduled show's seats on sale. */
    @Transactional
    public void stock(ShowScheduled show) {
        jdbc.sql("""
                INSERT INTO show_inventory (show_id, hall_id, starts_at, ends_at, seat_count)
                VALUES (?, ?, ?, ?, ?)""")
                .params(show.showId(), show.hallId(), show.startsAt().atOffset(ZoneOffset.UTC),
                        show.endsAt().atOffset(ZoneOffset.UTC), show.seatCount())
                .update();
        Map<String, ShowScheduled.Price> prices = show.prices().stream()
                .collect(Collectors.toMap(ShowScheduled.Price::seatType, Function.identity()));
        List<Object[]> rows = new ArrayList<>(show.seatCount());
        for (ShowScheduled.Row row : show.rows()) {
            for (ShowScheduled.Seat seat : row.seats()) {
                ShowScheduled.Price price = prices.get(seat.type());
                rows.add(new Object[] { show.showId(), seat.seatId(), seat.type(), price.amount(), price.currency() });
            }
        }
        batch.batchUpdate("INSERT INTO show_seat (show_id, seat_id, seat_type, price, currency) VALUES (?, ?, ?, ?, ?)",
                rows, BATCH, (ps, args) -> {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                });
    }

    /** A show as sales see it: when it starts and whether the catalog cancelled it. */
    public record Show(UUID showId, Instant startsAt, boolean cancelled) {
    }

    /** A seat's status and the highest fencing token of the holds that claimed it. */
    public record Seat(String seatId, Status status, long fence) {

        /** For sale, sold (to one booking), or taken off sale by the venue. */
        public enum Status {
            AVAILABLE, SOLD, BLOCKED
        }
    }

    public Optional<Show> show(UUID showId) {
        return jdbc.sql("SELECT starts_at, cancelled FROM show_inventory WHERE show_id = ?").param(showId)
                .query((rs, n) -> new Show(showId, rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("cancelled")))
                .optional();
    }

    /** The named seats of a show that exist, in the order of their ids. */
    public List<Seat> seats(UUID showId, List<String> seatIds) {
        return jdbc.sql("""
                SELECT seat_id, status, fence FROM show_seat WHERE show_id = ? AND seat_id = ANY(string_to_array(?, ','))
                ORDER BY seat_id""")
                .params(showId, String.join(",", seatIds))
                .query((rs, n) -> new Seat(rs.getString("seat_id"), Seat.Status.valueOf(rs.getString("status")),
                        rs.getLong("fence")))
                .list();
    }

    /** Marks available seats sold; returns how many were. */
    public int sell(UUID showId, List<String> seatIds, long fencingToken) {
        return jdbc.sql("""
                UPDATE show_seat SET status = 'SOLD', fence = greatest(fence, ?)
                WHERE show_id = ? AND seat_id = ANY(string_to_array(?, ',')) AND status = 'AVAILABLE'""")
                .params(fencingToken, showId, String.join(",", seatIds)).update();
    }

    /** Puts sold seats back on sale. */
    public void unsell(UUID showId, List<String> seatIds) {
        jdbc.sql("""
                UPDATE show_seat SET status = 'AVAILABLE'
                WHERE show_id = ? AND seat_id = ANY(string_to_array(?, ',')) AND status = 'SOLD'""")
                .params(showId, String.join(",", seatIds)).update();
    }

    /**
     * Holds claimed these seats with their fencing tokens: any older hold on a seat has lapsed and can no longer be
     * confirmed. One statement for a whole batch of holds, of any shows; a seat claimed twice keeps the higher token.
     */
    @Transactional
    public void claim(List<SeatsHeld> holds) {
        List<String> shows = new ArrayList<>();
        List<String> seats = new ArrayList<>();
        List<String> fences = new ArrayList<>();
        for (SeatsHeld hold : holds) {
            for (String seatId : hold.seatIds()) {
                shows.add(hold.showId().toString());
                seats.add(seatId);
                fences.add(Long.toString(hold.fencingToken()));
            }
        }
        jdbc.sql("""
                UPDATE show_seat SET fence = claimed.fence
                FROM (SELECT show_id, seat_id, max(fence) AS fence
                      FROM unnest(string_to_array(?, ',')::uuid[], string_to_array(?, ','), string_to_array(?, ',')::bigint[])
                           AS claim(show_id, seat_id, fence)
                      GROUP BY show_id, seat_id) AS claimed
                WHERE show_seat.show_id = claimed.show_id AND show_seat.seat_id = claimed.seat_id
                  AND show_seat.fence < claimed.fence""")
                .params(String.join(",", shows), String.join(",", seats), String.join(",", fences))
                .update();
    }

    /**
     * Takes available seats off sale (or puts blocked ones back), as the venue decided, unless a newer block or unblock
     * of the seat (a higher {@code version}) was applied already: whichever order they arrive in, the newest wins.
     * Sold seats stay sold.
     */
    @Transactional
    public void block(UUID showId, List<String> seatIds, boolean blocked, long version) {
        jdbc.sql("""
                UPDATE show_seat SET block_version = ?, status = CASE WHEN status = ? THEN ? ELSE status END
                WHERE show_id = ? AND seat_id = ANY(string_to_array(?, ',')) AND block_version <= ?""")
                .params(version, (blocked ? Seat.Status.AVAILABLE : Seat.Status.BLOCKED).name(),
                        (blocked ? Seat.Status.BLOCKED : Seat.Status.AVAILABLE).name(), showId,
                        String.join(",", seatIds), version)
                .update();
    }

    /**
     * A show moved: cancellations are judged against its new start. An update older than the one applied (a lower
     * {@code version}) changes nothing.
     */
    @Transactional
    public void move(UUID showId, Instant startsAt, Instant endsAt, long version) {
        jdbc.sql("UPDATE show_inventory SET starts_at = ?, ends_at = ?, version = ? WHERE show_id = ? AND version < ?")
                .params(startsAt.atOffset(ZoneOffset.UTC), endsAt.atOffset(ZoneOffset.UTC), version, showId, version)
                .update();
    }

    /** The catalog cancelled the show: nothing more is sold; returns whether it was on sale until now. */
    public boolean cancel(UUID showId) {
        return jdbc.sql("UPDATE show_inventory SET cancelled = true WHERE show_id = ? AND NOT cancelled")
                .param(showId).update() == 1;
    }

    /** What reservation-service needs to rebuild a show's seat map: who bought which seat, what is blocked. */
    public record SeatStates(UUID showId, Map<String, UUID> sold, List<String> blocked, long fence) {
    }

    @Transactional(readOnly = true)
    public Optional<SeatStates> states(UUID showId) {
        if (show(showId).isEmpty()) {
            return Optional.empty();
        }
        Map<String, UUID> sold = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.seat_id, b.customer_id FROM booked_seat s JOIN booking b ON b.id = s.booking_id
                WHERE s.show_id = ? AND s.active ORDER BY s.seat_id""")
                .param(showId)
                .query(rs -> {
                    sold.put(rs.getString("seat_id"), rs.getObject("customer_id", UUID.class));
                });
        List<String> blocked = jdbc.sql("SELECT seat_id FROM show_seat WHERE show_id = ? AND status = 'BLOCKED' ORDER BY seat_id")
                .param(showId).query(String.class).list();
        long fence = jdbc.sql("SELECT coalesce(max(fence), 0) FROM show_seat WHERE show_id = ?").param(showId)
                .query(Long.class).single();
        return Optional.of(new SeatStates(showId, sold, blocked, fence));
    }

    /** How many seats of a show are in stock, per status. */
    @Transactional(readOnly = true)
    public Map<String, Integer> seatsByStatus(UUID showId) {
        return jdbc.sql("SELECT status, count(*) AS seats FROM show_seat WHERE show_id = ? GROUP BY status")
                .param(showId)
                .query((rs, n) -> Map.entry(rs.getString("status"), rs.getInt("seats")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
