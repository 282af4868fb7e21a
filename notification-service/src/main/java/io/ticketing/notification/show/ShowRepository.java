package io.ticketing.notification.show;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.catalog.ShowUpdated;

/**
 * A summary of every scheduled show (movie, hall, start) in PostgreSQL, so that tickets and mails can name it without
 * asking the catalog. A show not heard of yet is named by its id: its booking's tickets are not held back for it.
 */
@Repository
public class ShowRepository {

    private static final String UNKNOWN = "not known yet";

    private final JdbcClient jdbc;
    private final DateTimeFormatter times;

    ShowRepository(JdbcClient jdbc, ShowProperties properties) {
        this.jdbc = jdbc;
        this.times = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm zzz", Locale.ENGLISH)
                .withZone(properties.timeZone());
    }

    void scheduled(ShowScheduled show) {
        jdbc.sql("""
                INSERT INTO show_summary (show_id, movie_title, hall_name, starts_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (show_id) DO NOTHING""")
                .params(show.showId(), show.movieTitle(), show.hallName(), show.startsAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** A moved show: tickets printed from now on give the new start (unless a newer update was applied already). */
    void updated(ShowUpdated show) {
        jdbc.sql("UPDATE show_summary SET starts_at = ?, version = ? WHERE show_id = ? AND version < ?")
                .params(show.startsAt().atOffset(ZoneOffset.UTC), show.version(), show.showId(), show.version())
                .update();
    }

    public Show show(UUID showId) {
        return jdbc.sql("SELECT movie_title, hall_name, starts_at FROM show_summary WHERE show_id = ?").param(showId)
                .query((rs, n) -> new Show(showId, rs.getString("movie_title"), rs.getString("hall_name"),
                        time(rs.getObject("starts_at", OffsetDateTime.class).toInstant())))
                .optional()
                .orElseGet(() -> new Show(showId, "Show " + showId, UNKNOWN, UNKNOWN));
    }

    /** A time as customers read it, e.g. {@code Saturday 28 November 2026, 19:30 CET}. */
    public String time(Instant instant) {
        return times.format(instant);
    }
}
