package io.ticketing.booking.inventory;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.events.catalog.ShowScheduled;

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

    /** How many seats of a show are in stock, per status. */
    @Transactional(readOnly = true)
    public Map<String, Integer> seatsByStatus(UUID showId) {
        return jdbc.sql("SELECT status, count(*) AS seats FROM show_seat WHERE show_id = ? GROUP BY status")
                .param(showId)
                .query((rs, n) -> Map.entry(rs.getString("status"), rs.getInt("seats")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
