package io.ticketing.catalog.movie.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.catalog.movie.Movie;
import io.ticketing.catalog.movie.MovieManagement;
import io.ticketing.catalog.movie.MoviePage;
import io.ticketing.starter.RequestRejectedException;

/** The movie admin API. The public movie page is in the browse API. */
@RestController
class MovieController {

    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_TITLE = 300;

    private final MovieManagement movies;

    MovieController(MovieManagement movies) {
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
    Movie create(@Valid @RequestBody MovieBody request) {
        return movies.create(request.movie());
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
    Movie movie(@PathVariable UUID movieId) {
        return movies.movie(movieId);
    }

    @PutMapping("/api/v1/admin/movies/{movieId}")
    Movie update(@PathVariable UUID movieId, @Valid @RequestBody MovieBody request) {
        return movies.update(movieId, request.movie());
    }

    @DeleteMapping("/api/v1/admin/movies/{movieId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID movieId) {
        movies.delete(movieId);
    }

    private static RequestRejectedException invalid(String parameter, String detail) {
        return RequestRejectedException.invalid("INVALID_PARAMETER", detail + " (parameter '" + parameter + "')");
    }
}
