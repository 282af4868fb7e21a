package io.ticketing.catalog.movie;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.starter.RequestRejectedException;

/** Administers movies. */
@Service
public class MovieManagement {

    private final JdbcClient jdbc;

    MovieManagement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Movie create(Movie draft) {
        var movie = new Movie(UUID.randomUUID(), draft.title(), draft.description(), draft.durationMinutes(),
                draft.genre(), draft.language(), draft.releaseDate(), draft.country(), draft.rating(), draft.cast());
        jdbc.sql("""
                INSERT INTO movie (id, title, description, duration_minutes, genre, language, release_date, country,
                                   rating, cast_members)
                VALUES (:id, :title, :description, :durationMinutes, :genre, :language, :releaseDate, :country,
                        :rating, string_to_array(:cast, chr(31)))""")
                .param("id", movie.id())
                .param("title", movie.title())
                .param("description", movie.description())
                .param("durationMinutes", movie.durationMinutes())
                .param("genre", movie.genre())
                .param("language", movie.language())
                .param("releaseDate", movie.releaseDate())
                .param("country", movie.country())
                .param("rating", movie.rating())
                .param("cast", String.join("\u001f", movie.cast()))
                .update();
        return movie;
    }

    @Transactional(readOnly = true)
    public Movie movie(UUID id) {
        return jdbc.sql("""
                SELECT id, title, description, duration_minutes, genre, language, release_date, country, rating,
                       cast_members
                FROM movie WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new Movie(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getString("description"), rs.getInt("duration_minutes"), rs.getString("genre"),
                        rs.getString("language"), rs.getObject("release_date", java.time.LocalDate.class),
                        rs.getString("country"), rs.getString("rating"), strings(rs.getArray("cast_members"))))
                .optional()
                .orElseThrow(() -> RequestRejectedException.notFound("MOVIE_NOT_FOUND", "Movie " + id + " does not exist"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
