package io.ticketing.reservation.hold;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable copy of each show's waiting line, from which a seat map rebuild restores the line in Redis. */
@Repository
class LineEntries {

    private final JdbcClient jdbc;

    LineEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enter(UUID showId, UUID entryId) {
        jdbc.sql("INSERT INTO waiting_line_entry (show_id, entry_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(showId, entryId).update();
    }

    void leave(UUID showId, UUID entryId) {
        jdbc.sql("DELETE FROM waiting_line_entry WHERE show_id = ? AND entry_id = ?").params(showId, entryId).update();
    }

    List<String> of(UUID showId) {
        return jdbc.sql("SELECT entry_id::text FROM waiting_line_entry WHERE show_id = ?").param(showId)
                .query(String.class).list();
    }
}
