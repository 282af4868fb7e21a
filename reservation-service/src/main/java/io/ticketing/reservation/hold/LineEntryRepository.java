package io.ticketing.reservation.hold;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable copy of each show's waiting line, from which a seat map rebuild restores the line in Redis. An entry
 * that left stays a day as a departure ({@code left_at}): an enter that arrives after the leave finds it and does
 * nothing, so the order in which the two requests arrive cannot leave a ghost in the line.
 */
@Repository
class LineEntryRepository {

    private final JdbcClient jdbc;

    LineEntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Enters the entry unless it left already; whether it is in the line. The entry's row stays locked until the
     * transaction ends, so a leave of the same entry waits for the enter to be complete in Redis too.
     */
    boolean enter(UUID showId, UUID entryId) {
        return jdbc.sql("""
                INSERT INTO waiting_line_entry (show_id, entry_id) VALUES (?, ?)
                ON CONFLICT (show_id, entry_id) DO UPDATE SET entered_at = waiting_line_entry.entered_at
                RETURNING left_at IS NULL""").params(showId, entryId).query(Boolean.class).single();
    }

    /** The entry left (also one that never entered: a late enter must not bring it in); old departures go. */
    void leave(UUID showId, UUID entryId) {
        jdbc.sql("""
                INSERT INTO waiting_line_entry (show_id, entry_id, left_at) VALUES (?, ?, now())
                ON CONFLICT (show_id, entry_id) DO UPDATE SET left_at = coalesce(waiting_line_entry.left_at, now())""")
                .params(showId, entryId).update();
        jdbc.sql("DELETE FROM waiting_line_entry WHERE show_id = ? AND left_at < now() - INTERVAL '1 day'")
                .param(showId).update();
    }

    List<String> of(UUID showId) {
        return jdbc.sql("SELECT entry_id::text FROM waiting_line_entry WHERE show_id = ? AND left_at IS NULL")
                .param(showId).query(String.class).list();
    }
}
