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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.catalog.movie.Movie;
import io.ticketing.catalog.movie.MovieManagement;

@RestController
class MovieController {

    private final MovieManagement movies;

    MovieController(MovieManagement movies) {
        this.movies = movies;
    }

    record CreateMovie(@NotBlank @Size(max = 300) String title, @NotNull @Size(max = 5000) String description,
            @NotNull @Positive @Max(1000) Integer durationMinutes, @NotBlank @Size(max = 50) String genre,
            @NotBlank @Size(max = 50) String language, @NotNull LocalDate releaseDate,
            @NotBlank @Size(max = 100) String country, @Size(max = 20) String rating,
            @Size(max = 100) List<@NotBlank @Size(max = 200) String> cast) {
    }

    @GetMapping("/api/v1/movies/{movieId}")
    Movie movie(@PathVariable UUID movieId) {
        return movies.movie(movieId);
    }

    @PostMapping("/api/v1/admin/movies")
    @ResponseStatus(HttpStatus.CREATED)
    Movie create(@Valid @RequestBody CreateMovie request) {
        return movies.create(new Movie(null, request.title().strip(), request.description(), request.durationMinutes(),
                request.genre().strip(), request.language().strip(), request.releaseDate(), request.country().strip(),
                request.rating(), request.cast()));
    }
}
