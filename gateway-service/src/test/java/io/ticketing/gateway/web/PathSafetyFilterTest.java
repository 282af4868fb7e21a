package io.ticketing.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathSafetyFilterTest {

    @Test
    void acceptsPlainAndProperlyEncodedPaths() {
        assertThat(PathSafetyFilter.decodesAsUtf8("/api/v1/movies/3f1c")).isTrue();
        assertThat(PathSafetyFilter.decodesAsUtf8("/api/v1/search/%F0%9F%8E%AC")).isTrue();
    }

    @Test
    void rejectsOverlongTruncatedAndBrokenEscapes() {
        assertThat(PathSafetyFilter.decodesAsUtf8("/api/v1/movies/%C0%AF")).isFalse();
        assertThat(PathSafetyFilter.decodesAsUtf8("/api/v1/movies/%F0%9F")).isFalse();
        assertThat(PathSafetyFilter.decodesAsUtf8("/api/v1/movies/%ZZ")).isFalse();
        assertThat(PathSafetyFilter.decodesAsUtf8("/api/v1/movies/%4")).isFalse();
    }
}
