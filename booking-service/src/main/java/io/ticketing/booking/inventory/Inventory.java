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

    /** Claims as a relation {@code claim(show_id, seat_id, fence)} of three comma-separated lists. */
    private static final String CLAIMS = """
            unnest(string_to_array(?, ',')::uuid[], string_to_array(?, ','), string_to_array(?, ',')::bigint[])
                 AS claim(show_id, seat_id, fence)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Inventory(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Puts a newly scheduled show's seats on sale, with the claims and blocks of its seats that came before it (they
     * travel on another topic), under the show's lock: a claim or a block waiting for that lock finds the show stocked.
     */
    @Transactional
    public void stock(ShowScheduled show) {
        lock(show.showId());
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
        jdbc.sql("""
                UPDATE show_seat SET fence = early.fence, block_version = early.block_version,
                       status = CASE WHEN early.blocked THEN ? ELSE status END
                FROM early_seat_change early
                WHERE early.show_id = ? AND show_seat.show_id = early.show_id AND show_seat.seat_id = early.seat_id""")
                .params(Seat.Status.BLOCKED.name(), show.showId()).update();
        jdbc.sql("DELETE FROM early_seat_change WHERE show_id = ?").param(show.showId()).update();
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
     * A claim of a show not stocked yet is kept until it is.
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
        Object[] claims = { String.join(",", shows), String.join(",", seats), String.join(",", fences) };
        List<UUID> unstocked = jdbc.sql("""
                SELECT DISTINCT show_id FROM unnest(string_to_array(?, ',')::uuid[]) AS claim(show_id)
                WHERE NOT EXISTS (SELECT 1 FROM show_inventory i WHERE i.show_id = claim.show_id)
                ORDER BY show_id""")
                .param(claims[0]).query(UUID.class).list();
        unstocked.forEach(this::lock);
        jdbc.sql("""
                UPDATE show_seat SET fence = claimed.fence
                FROM (SELECT show_id, seat_id, max(fence) AS fence FROM %s GROUP BY show_id, seat_id) AS claimed
                WHERE show_seat.show_id = claimed.show_id AND show_seat.seat_id = claimed.seat_id
                  AND show_seat.fence < claimed.fence""".formatted(CLAIMS))
                .params(claims).update();
        if (!unstocked.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO early_seat_change (show_id, seat_id, fence)
                    SELECT show_id, seat_id, max(fence) FROM %s
                    WHERE NOT EXISTS (SELECT 1 FROM show_inventory i WHERE i.show_id = claim.show_id)
                    GROUP BY show_id, seat_id
                    ON CONFLICT (show_id, seat_id)
                    DO UPDATE SET fence = greatest(early_seat_change.fence, excluded.fence)""".formatted(CLAIMS))
                    .params(claims).update();
        }
    }

    /**
     * The lock of a show's stocking, held until the transaction ends (a PostgreSQL advisory lock). A change of seats
     * of a show not stocked yet (a show's first holds and blocks can overtake its schedule) takes it, in the order of
     * the show ids, before it reads or writes any seat: then either the show's seats are there, or the stocking will
     * find the change kept for it.
     */
    private void lock(UUID showId) {
        long key = showId.getMostSignificantBits() ^ showId.getLeastSignificantBits();
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(key).query((rs, n) -> 1).single();
    }

    /**
     * Takes available seats off sale (or puts blocked ones back), as the venue decided, unless a newer block or unblock
     * of the seat (a higher {@code version}) was applied already: whichever order they arrive in, the newest wins.
     * Sold seats stay sold. A block of a show not stocked yet is kept until it is.
     */
    @Transactional
    public void block(UUID showId, List<String> seatIds, boolean blocked, long version) {
        String seats = String.join(",", seatIds);
        boolean stocked = show(showId).isPresent();
        if (!stocked) {
            lock(showId);
        }
        jdbc.sql("""
                UPDATE show_seat SET block_version = ?, status = CASE WHEN status = ? THEN ? ELSE status END
                WHERE show_id = ? AND seat_id = ANY(string_to_array(?, ',')) AND block_version <= ?""")
                .params(version, (blocked ? Seat.Status.AVAILABLE : Seat.Status.BLOCKED).name(),
                        (blocked ? Seat.Status.BLOCKED : Seat.Status.AVAILABLE).name(), showId, seats, version)
                .update();
        if (!stocked) {
            jdbc.sql("""
                    INSERT INTO early_seat_change (show_id, seat_id, blocked, block_version)
                    SELECT ?, seat_id, ?, ? FROM unnest(string_to_array(?, ',')) AS seat(seat_id)
                    WHERE NOT EXISTS (SELECT 1 FROM show_inventory WHERE show_id = ?)
                    ON CONFLICT (show_id, seat_id)
                    DO UPDATE SET blocked = excluded.blocked, block_version = excluded.block_version
                    WHERE early_seat_change.block_version <= excluded.block_version""")
                    .params(showId, blocked, version, seats, showId).update();
        }
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
