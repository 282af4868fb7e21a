package io.ticketing.catalog.movie;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record Movie(UUID id, String title, String description, int durationMinutes, String genre, String language,
        LocalDate releaseDate, String country, String rating, List<String> cast) {

    public Movie {
        cast = cast == null ? List.of() : List.copyOf(cast);
    }
}
