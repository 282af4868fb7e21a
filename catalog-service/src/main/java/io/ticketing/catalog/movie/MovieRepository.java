package io.ticketing.catalog.movie;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The movies, stored by JPA. */
interface MovieRepository extends JpaRepository<Movie, UUID> {

    /**
     * Movies whose title contains {@code part} in any case (all for an empty one), by title. {@code locate} rather than
     * {@code like}, so that {@code %} and {@code _} are plain characters.
     */
    @Query("SELECT m FROM Movie m WHERE locate(lower(:part), lower(m.title)) > 0 ORDER BY lower(m.title), m.id")
    Page<Movie> findByTitleContaining(String part, Pageable page);

    @Query("SELECT count(s) > 0 FROM Show s WHERE s.movieId = :movieId")
    boolean hasShows(UUID movieId);

    @Query("SELECT count(s) > 0 FROM Show s WHERE s.movieId = :movieId AND s.status = SCHEDULED AND s.endsAt > :now")
    boolean hasShowsToCome(UUID movieId, Instant now);
}
