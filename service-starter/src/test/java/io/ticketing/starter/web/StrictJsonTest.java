package io.ticketing.starter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

    record Movie(String title, Integer durationMinutes, Double rating, Boolean adult, java.time.LocalDate releaseDate,
            java.time.Instant startsAt) {
    }

    private final JsonMapper json = strict();

    private static JsonMapper strict() {
        var builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }

    @Test
    void readsOrdinaryTextIncludingEmojiAndAccents() {
        var movie = json.readValue("{\"title\":\"Amélie 🎬 — Le fabuleux destin\\tII\"}", Movie.class);
        assertThat(movie.title()).isEqualTo("Amélie 🎬 — Le fabuleux destin\tII");
    }

    @Test
    void rejectsControlCharactersUnpairedSurrogatesAndBidiOverrides() {
        for (String title : new String[] { "\\u0000", "a\\u0007b", "\\ud800", "x\\udc00", "\\u202Eevil" }) {
            assertThatThrownBy(() -> json.readValue("{\"title\":\"" + title + "\"}", Movie.class))
                    .as(title).isInstanceOf(JacksonException.class);
        }
    }

    @Test
    void rejectsNumbersForTextAndTextForNumbers() {
        assertThatThrownBy(() -> json.readValue("{\"title\":123}", Movie.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"title\":true}", Movie.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"durationMinutes\":\"90\"}", Movie.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"durationMinutes\":90.5}", Movie.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"rating\":\"7.5\"}", Movie.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"adult\":\"true\"}", Movie.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"adult\":1}", Movie.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"releaseDate\":12345}", Movie.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"startsAt\":1790000000}", Movie.class))
                .isInstanceOf(JacksonException.class);
        assertThat(json.readValue("{\"releaseDate\":\"2026-01-01\"}", Movie.class).releaseDate())
                .isEqualTo(java.time.LocalDate.of(2026, 1, 1));
    }

    @Test
    void stillReadsIntegersAsDecimals() {
        assertThat(json.readValue("{\"rating\":7}", Movie.class).rating()).isEqualTo(7.0);
    }
}
