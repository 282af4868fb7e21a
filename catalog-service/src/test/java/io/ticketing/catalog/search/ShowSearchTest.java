package io.ticketing.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.core.search.TermSuggest;
import co.elastic.clients.elasticsearch.core.search.TermSuggestOption;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ShowSearchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final ShowSearch search = new ShowSearch(null, JSON, new SimpleMeterRegistry(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void searchesTitlesCastGenreAndDescriptionWithTyposFromNowOn() {
        JsonNode request = search.request(query("Incepton", null, List.of(), false));

        JsonNode fuzzy = request.at("/query/bool/must/0/bool/should/0/multi_match");
        assertThat(fuzzy.path("fuzziness").asString()).isEqualTo("AUTO");
        assertThat(fuzzy.path("fields").valueStream().map(JsonNode::asString)).containsExactly("title^3", "cast^2");
        assertThat(request.at("/query/bool/must/0/bool/should/1/multi_match/fields").valueStream()
                .map(JsonNode::asString)).containsExactly("genre^2", "description");
        assertThat(request.at("/query/bool/filter/0/range/startsAt/gte").asString()).isEqualTo(NOW.toString());
        assertThat(request.at("/sort/0").asString()).isEqualTo("_score");
        assertThat(request.at("/suggest/spelling/text").asString()).isEqualTo("Incepton");
    }

    @Test
    void filtersByRadiusAndSortsByDistanceThenShowId() {
        var near = new SearchQuery.Near(52.09, 5.11, 7.5);
        JsonNode request = search.request(query(null, near, List.of(SearchQuery.SortKey.DISTANCE), true));

        assertThat(request.at("/query/bool/filter/1/geo_distance/distance").asString()).isEqualTo("7.5km");
        assertThat(request.at("/sort/0/_geo_distance/order").asString()).isEqualTo("desc");
        assertThat(request.at("/sort/1/showId/order").asString()).isEqualTo("asc");
        assertThat(request.has("suggest")).isFalse();
        assertThat(request.path("from").asInt()).isEqualTo(20);
    }

    @Test
    void replacesEachMisspelledWordByItsCandidates() {
        TermSuggest dark = word("dark", 0);
        TermSuggest nite = word("nite", 5, "night", "knight");

        assertThat(ShowSearch.suggestions("dark nite", List.of(dark, nite)))
                .containsExactly("dark night", "dark knight");
        assertThat(ShowSearch.suggestions("dark", List.of(dark))).isEmpty();
    }

    @Test
    void measuresGreatCircleDistances() {
        // Utrecht Centraal to Amsterdam Centraal.
        assertThat(ShowSearch.distanceKm(52.0894, 5.1101, 52.3791, 4.9003)).isBetween(34.5, 35.5);
    }

    /** A word of the keyword as the term suggester answers it, with its candidate spellings. */
    private static TermSuggest word(String text, int offset, String... candidates) {
        return TermSuggest.of(word -> word.text(text).offset(offset).length(text.length())
                .options(Stream.of(candidates).map(candidate -> TermSuggestOption.of(option -> option.text(candidate)
                        .score(0.75).freq(1))).toList()));
    }

    private static SearchQuery query(String keyword, SearchQuery.Near near, List<SearchQuery.SortKey> sort,
            boolean descending) {
        return new SearchQuery(keyword, null, near, null, null, null, null, null, true, 2, 10, sort, descending);
    }
}
