package io.ticketing.catalog.movie;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.events.catalog.CatalogChanged;
import io.ticketing.events.catalog.CatalogChanged.Change;
import io.ticketing.events.catalog.CatalogChanged.Entity;
import io.ticketing.starter.RequestRejectedException;

/** Administers movies; every change publishes {@link CatalogChanged} in its transaction. */
@Service
public class MovieManagement {

    private static final String SELECT = """
            SELECT id, title, description, duration_minutes, genre, language, release_date, country, rating,
                   cast_members
            FROM movie""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MovieManagement(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Movie create(Movie draft) {
        var movie = withId(draft.id() == null ? UUID.randomUUID() : draft.id(), draft);
        jdbc.sql("""
                INSERT INTO movie (id, title, description, duration_minutes, genre, language, release_date, country,
                                   rating, cast_members)
                VALUES (:id, :title, :description, :durationMinutes, :genre, :language, :releaseDate, :country,
                        :rating, string_to_array(:cast, chr(31)))""")
                .params(columns(movie))
                .update();
        changed(movie.id(), Change.CREATED);
        return movie;
    }

    /**
     * Replaces a movie's details. Its running time cannot change while it has shows to come, whose end
     * times and overlap checks were computed from it.
     */
    @Transactional
    public Movie update(UUID id, Movie changes) {
        Movie current = movie(id);
        var movie = withId(id, changes);
        if (movie.durationMinutes() != current.durationMinutes() && upcomingShows(id) > 0) {
            throw RequestRejectedException.conflict("MOVIE_IN_USE",
                    "The running time cannot change while the movie has shows to come");
        }
        jdbc.sql("""
                UPDATE movie SET title = :title, description = :description, duration_minutes = :durationMinutes,
                       genre = :genre, language = :language, release_date = :releaseDate, country = :country,
                       rating = :rating, cast_members = string_to_array(:cast, chr(31))
                WHERE id = :id""")
                .params(columns(movie))
                .update();
        changed(id, Change.UPDATED);
        return movie;
    }

    /** Deletes a movie that was never shown; one with shows stays for their records. */
    @Transactional
    public void delete(UUID id) {
        movie(id);
        if (jdbc.sql("SELECT count(*) FROM show WHERE movie_id = ?").param(id).query(Integer.class).single() > 0) {
            throw RequestRejectedException.conflict("MOVIE_IN_USE", "The movie has shows and is kept for their records");
        }
        jdbc.sql("DELETE FROM movie WHERE id = ?").param(id).update();
        changed(id, Change.DELETED);
    }

    @Transactional(readOnly = true)
    public Movie movie(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query((rs, n) -> movie(rs))
                .optional()
                .orElseThrow(() -> RequestRejectedException.notFound("MOVIE_NOT_FOUND", "Movie " + id + " does not exist"));
    }

    /**
     * Movies by title, a page at a time: those whose title contains {@code title} in any case, or all when it
     * is blank. {@code strpos} rather than {@code LIKE}, so that {@code %} and {@code _} are plain characters.
     */
    @Transactional(readOnly = true)
    public MoviePage movies(String title, int page, int size) {
        String filter = title == null ? "" : title.strip();
        long total = jdbc.sql("SELECT count(*) FROM movie WHERE strpos(lower(title), lower(?)) > 0")
                .param(filter).query(Long.class).single();
        List<Movie> items = jdbc.sql(SELECT
                + " WHERE strpos(lower(title), lower(?)) > 0 ORDER BY lower(title), id LIMIT ? OFFSET ?")
                .params(filter, size, (long) page * size)
                .query((rs, n) -> movie(rs))
                .list();
        return new MoviePage(items, page, size, total);
    }

    private int upcomingShows(UUID movieId) {
        return jdbc.sql("SELECT count(*) FROM show WHERE movie_id = ? AND status = 'SCHEDULED' AND ends_at > ?")
                .params(movieId, clock.instant().atOffset(ZoneOffset.UTC)).query(Integer.class).single();
    }

    private void changed(UUID id, Change change) {
        events.publishEvent(new CatalogChanged(UUID.randomUUID(), clock.instant(), Entity.MOVIE, id, change));
    }

    private static Movie withId(UUID id, Movie movie) {
        return new Movie(id, movie.title(), movie.description(), movie.durationMinutes(), movie.genre(),
                movie.language(), movie.releaseDate(), movie.country(), movie.rating(), movie.cast());
    }

    private static Map<String, Object> columns(Movie movie) {
        var columns = new HashMap<String, Object>();
        columns.put("id", movie.id());
        columns.put("title", movie.title());
        columns.put("description", movie.description());
        columns.put("durationMinutes", movie.durationMinutes());
        columns.put("genre", movie.genre());
        columns.put("language", movie.language());
        columns.put("releaseDate", movie.releaseDate());
        columns.put("country", movie.country());
        columns.put("rating", movie.rating());
        columns.put("cast", String.join("\u001f", movie.cast()));
        return columns;
    }

    /** Reads a movie from a row of {@link #SELECT}'s columns. */
    public static Movie movie(ResultSet rs) throws SQLException {
        return new Movie(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
                rs.getInt("duration_minutes"), rs.getString("genre"), rs.getString("language"),
                rs.getObject("release_date", LocalDate.class), rs.getString("country"), rs.getString("rating"),
                strings(rs.getArray("cast_members")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
