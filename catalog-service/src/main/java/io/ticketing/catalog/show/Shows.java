package io.ticketing.catalog.show;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ticketing.catalog.venue.SeatType;

/** Storage of shows and their prices. */
@Repository
class Shows {

    private final JdbcClient jdbc;

    Shows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Show show) {
        jdbc.sql("INSERT INTO show (id, movie_id, hall_id, starts_at, ends_at, status) VALUES (?, ?, ?, ?, ?, ?)")
                .params(show.id(), show.movieId(), show.hallId(), show.startsAt().atOffset(java.time.ZoneOffset.UTC),
                        show.endsAt().atOffset(java.time.ZoneOffset.UTC), show.status().name())
                .update();
        for (Show.Price price : show.prices()) {
            jdbc.sql("INSERT INTO show_price (show_id, seat_type, amount, currency) VALUES (?, ?, ?, ?)")
                    .params(show.id(), price.seatType().name(), price.price(), price.currency())
                    .update();
        }
    }

    boolean overlapsInHall(UUID hallId, Instant startsAt, Instant endsAt) {
        return jdbc.sql("""
                SELECT count(*) FROM show
                WHERE hall_id = ? AND status = 'SCHEDULED' AND starts_at < ? AND ends_at > ?""")
                .params(hallId, endsAt.atOffset(java.time.ZoneOffset.UTC), startsAt.atOffset(java.time.ZoneOffset.UTC))
                .query(Integer.class).single() > 0;
    }

    Optional<Show> find(UUID id) {
        var prices = jdbc.sql("SELECT seat_type, amount, currency FROM show_price WHERE show_id = ? ORDER BY seat_type")
                .param(id)
                .query((rs, n) -> new Show.Price(SeatType.valueOf(rs.getString("seat_type")), rs.getBigDecimal("amount"),
                        rs.getString("currency")))
                .list();
        return jdbc.sql("SELECT id, movie_id, hall_id, starts_at, ends_at, status FROM show WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Show(rs.getObject("id", UUID.class), rs.getObject("movie_id", UUID.class),
                        rs.getObject("hall_id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(), Show.Status.valueOf(rs.getString("status")), prices))
                .optional();
    }
}
