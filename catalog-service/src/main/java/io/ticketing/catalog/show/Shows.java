package io.ticketing.catalog.show;

import static io.ticketing.starter.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ticketing.catalog.venue.SeatType;

/** Storage of shows, their prices and the count of seats per type still available. */
@Repository
class Shows {

    private final JdbcClient jdbc;

    Shows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Show show, Map<SeatType, Long> seatsPerType) {
        jdbc.sql("""
                INSERT INTO show (id, movie_id, hall_id, starts_at, ends_at, sales_open_at, sales_close_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(show.id(), show.movieId(), show.hallId(), utc(show.startsAt()), utc(show.endsAt()),
                        utc(show.salesOpenAt()), utc(show.salesCloseAt()), show.status().name())
                .update();
        insertPrices(show);
        seatsPerType.forEach((type, count) -> jdbc.sql("""
                INSERT INTO show_availability (show_id, seat_type, total, available) VALUES (?, ?, ?, ?)""")
                .params(show.id(), type.name(), count.intValue(), count.intValue())
                .update());
    }

    /** Stores the show's new state; its version (one more than before). */
    long update(Show show) {
        long version = jdbc.sql("""
                UPDATE show SET starts_at = ?, ends_at = ?, sales_open_at = ?, sales_close_at = ?, version = version + 1
                WHERE id = ? RETURNING version""")
                .params(utc(show.startsAt()), utc(show.endsAt()), utc(show.salesOpenAt()), utc(show.salesCloseAt()),
                        show.id())
                .query(Long.class).single();
        jdbc.sql("DELETE FROM show_price WHERE show_id = ?").param(show.id()).update();
        insertPrices(show);
        return version;
    }

    void cancel(UUID id) {
        jdbc.sql("UPDATE show SET status = 'CANCELLED' WHERE id = ?").param(id).update();
    }

    private void insertPrices(Show show) {
        for (Show.Price price : show.prices()) {
            jdbc.sql("INSERT INTO show_price (show_id, seat_type, amount, currency) VALUES (?, ?, ?, ?)")
                    .params(show.id(), price.seatType().name(), price.price(), price.currency())
                    .update();
        }
    }

    /** Whether another scheduled show in the hall overlaps the given time. */
    boolean overlapsInHall(UUID hallId, UUID showId, Instant startsAt, Instant endsAt) {
        return jdbc.sql("""
                SELECT count(*) FROM show
                WHERE hall_id = ? AND id <> ? AND status = 'SCHEDULED' AND starts_at < ? AND ends_at > ?""")
                .params(hallId, showId, utc(endsAt), utc(startsAt))
                .query(Integer.class).single() > 0;
    }

    Optional<Show> find(UUID id) {
        var prices = jdbc.sql("SELECT seat_type, amount, currency FROM show_price WHERE show_id = ? ORDER BY seat_type")
                .param(id)
                .query((rs, n) -> new Show.Price(SeatType.valueOf(rs.getString("seat_type")), rs.getBigDecimal("amount"),
                        rs.getString("currency")))
                .list();
        return jdbc.sql("""
                SELECT id, movie_id, hall_id, starts_at, ends_at, sales_open_at, sales_close_at, status
                FROM show WHERE id = ?""")
                .param(id)
                .query((rs, n) -> show(rs, prices))
                .optional();
    }

    /**
     * The shows of a hall that start at or after {@code from} and before {@code to} (either may be null: no
     * bound), cancelled ones included, by start; their prices in one more query rather than one per show.
     */
    List<Show> inHall(UUID hallId, Instant from, Instant to) {
        var where = new StringBuilder(" WHERE s.hall_id = :hall");
        var params = new HashMap<String, Object>();
        params.put("hall", hallId);
        if (from != null) {
            where.append(" AND s.starts_at >= :from");
            params.put("from", utc(from));
        }
        if (to != null) {
            where.append(" AND s.starts_at < :to");
            params.put("to", utc(to));
        }
        Map<UUID, List<Show.Price>> prices = new HashMap<>();
        jdbc.sql("""
                SELECT p.show_id, p.seat_type, p.amount, p.currency FROM show_price p JOIN show s ON s.id = p.show_id
                """ + where + " ORDER BY p.show_id, p.seat_type")
                .params(params)
                .query(rs -> {
                    prices.computeIfAbsent(rs.getObject("show_id", UUID.class), id -> new ArrayList<>())
                            .add(new Show.Price(SeatType.valueOf(rs.getString("seat_type")), rs.getBigDecimal("amount"),
                                    rs.getString("currency")));
                });
        return jdbc.sql("""
                SELECT s.id, s.movie_id, s.hall_id, s.starts_at, s.ends_at, s.sales_open_at, s.sales_close_at, s.status
                FROM show s""" + where + " ORDER BY s.starts_at, s.id")
                .params(params)
                .query((rs, n) -> show(rs, prices.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    private static Show show(ResultSet rs, List<Show.Price> prices) throws SQLException {
        return new Show(rs.getObject("id", UUID.class), rs.getObject("movie_id", UUID.class),
                rs.getObject("hall_id", UUID.class), instant(rs, "starts_at"), instant(rs, "ends_at"),
                instant(rs, "sales_open_at"), instant(rs, "sales_close_at"), Show.Status.valueOf(rs.getString("status")),
                prices);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
