package io.ticketing.catalog.movie.web;

import static io.ticketing.starter.web.Versions.versioned;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.catalog.movie.Movie;
import io.ticketing.catalog.movie.Movies;
import io.ticketing.catalog.movie.MoviePage;
import io.ticketing.starter.RequestRejectedException;

/** The movie admin API. The public movie page is in the browse API. */
@RestController
class MovieController {

    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_TITLE = 300;

    private final Movies movies;

    MovieController(Movies movies) {
        this.movies = movies;
    }

    /** Creates (POST) or replaces (PUT) a movie. */
    record MovieBody(@NotBlank @Size(max = 300) String title, @NotNull @Size(max = 5000) String description,
            @NotNull @Positive @Max(1000) Integer durationMinutes, @NotBlank @Size(max = 50) String genre,
            @NotBlank @Size(max = 50) String language, @NotNull LocalDate releaseDate,
            @NotBlank @Size(max = 100) String country, @Size(max = 20) String rating,
            @Size(max = 100) List<@NotBlank @Size(max = 200) String> cast) {

        Movie movie() {
            return new Movie(null, title.strip(), description, durationMinutes, genre.strip(), language.strip(),
                    releaseDate, country.strip(), rating, cast == null ? null : cast.stream().map(String::strip).toList());
        }
    }

    @PostMapping("/api/v1/admin/movies")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Movie> create(@Valid @RequestBody MovieBody request) {
        return versioned(HttpStatus.CREATED, movies.create(request.movie()));
    }

    /**
     * The admin's movie list by title; {@code title} filters by a part of it. Pages are small enough for a
     * screen, not for an export.
     */
    @GetMapping("/api/v1/admin/movies")
    MoviePage movies(@RequestParam(required = false) String title, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (title != null && title.length() > MAX_TITLE) {
            throw invalid("title", "A title filter has at most " + MAX_TITLE + " characters");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw invalid("size", "Page size is 1 to " + MAX_PAGE_SIZE);
        }
        if (page < 0) {
            throw invalid("page", "Pages are numbered from 0");
        }
        return movies.movies(title, page, size);
    }

    @GetMapping("/api/v1/admin/movies/{movieId}")
    ResponseEntity<Movie> movie(@PathVariable UUID movieId) {
        return versioned(HttpStatus.OK, movies.movie(movieId));
    }

    /** Replaces the version of the movie the admin read: {@code If-Match} with its {@code ETag} is required. */
    @PutMapping("/api/v1/admin/movies/{movieId}")
    ResponseEntity<Movie> update(@PathVariable UUID movieId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MovieBody request) {
        return versioned(HttpStatus.OK, movies.update(movieId, ifMatch, request.movie()));
    }

    /** Deletes the movie; with {@code If-Match}, only the version the admin read. */
    @DeleteMapping("/api/v1/admin/movies/{movieId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID movieId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        movies.delete(movieId, ifMatch);
    }

    private static RequestRejectedException invalid(String parameter, String detail) {
        return RequestRejectedException.invalid("INVALID_PARAMETER", detail + " (parameter '" + parameter + "')");
    }
}
