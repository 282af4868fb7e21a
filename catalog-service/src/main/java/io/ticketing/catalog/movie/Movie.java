package io.ticketing.catalog.movie;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.ticketing.catalog.AdminManaged;

/** A movie and its details; its running time decides when its shows end. */
@Entity
public class Movie extends AdminManaged {

    @Id
    private UUID id;
    private String title;
    private String description;
    private int durationMinutes;
    private String genre;
    private String language;
    private LocalDate releaseDate;
    private String country;
    private String rating;
    @Column(name = "cast_members")
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> cast;

    protected Movie() {
    }

    /** A movie as an admin or the demo catalog describes it; {@code id} null for a new one the catalog names. */
    public Movie(UUID id, String title, String description, int durationMinutes, String genre, String language,
            LocalDate releaseDate, String country, String rating, List<String> cast) {
        this.id = id;
        change(title, description, durationMinutes, genre, language, releaseDate, country, rating, cast);
    }

    void change(String title, String description, int durationMinutes, String genre, String language,
            LocalDate releaseDate, String country, String rating, List<String> cast) {
        this.title = title;
        this.description = description;
        this.durationMinutes = durationMinutes;
        this.genre = genre;
        this.language = language;
        this.releaseDate = releaseDate;
        this.country = country;
        this.rating = rating;
        this.cast = cast == null ? List.of() : List.copyOf(cast);
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public String genre() {
        return genre;
    }

    public String language() {
        return language;
    }

    public LocalDate releaseDate() {
        return releaseDate;
    }

    public String country() {
        return country;
    }

    public String rating() {
        return rating;
    }

    public List<String> cast() {
        return List.copyOf(cast);
    }
}
