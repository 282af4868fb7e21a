package io.ticketing.catalog.movie;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ticketing.events.catalog.CatalogChanged;
import io.ticketing.events.catalog.CatalogChanged.Change;
import io.ticketing.events.catalog.CatalogChanged.Entity;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.web.Versions;

/**
 * Administers movies; every change publishes {@link CatalogChanged} in its transaction. A change or a deletion names
 * the version the admin read ({@code ifMatch}, its {@code ETag}): required for a change, checked when given for a
 * deletion.
 */
@Service
public class Movies {

    private final MovieRepository movies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Movies(MovieRepository movies, ApplicationEventPublisher events, Clock clock) {
        this.movies = movies;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Movie create(Movie draft) {
        var movie = new Movie(draft.id() == null ? UUID.randomUUID() : draft.id(), draft.title(), draft.description(),
                draft.durationMinutes(), draft.genre(), draft.language(), draft.releaseDate(), draft.country(),
                draft.rating(), draft.cast());
        movies.saveAndFlush(movie);
        changed(movie.id(), Change.CREATED);
        return movie;
    }

    /**
     * Replaces a movie's details. Its running time cannot change while it has shows to come, whose end
     * times and overlap checks were computed from it.
     */
    @Transactional
    public Movie update(UUID id, String ifMatch, Movie changes) {
        Movie movie = movie(id);
        Versions.requireMatch(ifMatch, movie.version());
        if (changes.durationMinutes() != movie.durationMinutes() && movies.hasShowsToCome(id, clock.instant())) {
            throw RequestRejectedException.conflict("MOVIE_IN_USE",
                    "The running time cannot change while the movie has shows to come");
        }
        movie.change(changes.title(), changes.description(), changes.durationMinutes(), changes.genre(),
                changes.language(), changes.releaseDate(), changes.country(), changes.rating(), changes.cast());
        movies.saveAndFlush(movie);
        changed(id, Change.UPDATED);
        return movie;
    }

    /** Deletes a movie that was never shown; one with shows stays for their records. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Movie movie = movie(id);
        Versions.requireMatchIfSent(ifMatch, movie.version());
        if (movies.hasShows(id)) {
            throw RequestRejectedException.conflict("MOVIE_IN_USE",
                    "The movie has shows and is kept for their records");
        }
        movies.delete(movie);
        changed(id, Change.DELETED);
    }

    @Transactional(readOnly = true)
    public Movie movie(UUID id) {
        return movies.findById(id).orElseThrow(() -> RequestRejectedException.notFound("MOVIE_NOT_FOUND",
                "Movie " + id + " does not exist"));
    }

    /** Movies by title, a page at a time: those whose title contains {@code title} in any case, or all when blank. */
    @Transactional(readOnly = true)
    public MoviePage movies(String title, int page, int size) {
        var found = movies.findByTitleContaining(title == null ? "" : title.strip(), PageRequest.of(page, size));
        return new MoviePage(found.getContent(), page, size, found.getTotalElements());
    }

    private void changed(UUID id, Change change) {
        events.publishEvent(new CatalogChanged(UUID.randomUUID(), clock.instant(), Entity.MOVIE, id, change));
    }
}
