package io.ticketing.reservation.seating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class SegmentedGzipTest {

    @Test
    void gzipsTheWholeDocument() throws IOException {
        SegmentedGzip document = SegmentedGzip.of(segments("{\"rows\":[", "[1,2]", ",[3,4]", "]}"));

        assertThat(text(document.json())).isEqualTo("{\"rows\":[[1,2],[3,4]]}");
        assertThat(gunzip(document.gzip())).isEqualTo("{\"rows\":[[1,2],[3,4]]}");
        assertThat(document.segments()).isEqualTo(4);
    }

    @Test
    void aCopyWithSegmentsReplacedIsAValidGzipOfTheReplacedDocument() throws IOException {
        SegmentedGzip document = SegmentedGzip.of(segments("{\"rows\":[", "[1,2]", ",[3,4]", ",[5,6]", "]}"));
        Map<Integer, byte[]> replacements = Map.of(1, bytes("[1,\"yours\"]"), 3, bytes(",[5,6,\"yours\"]"));

        assertThat(gunzip(document.gzipReplacing(replacements))).isEqualTo("{\"rows\":[[1,\"yours\"],[3,4],[5,6,\"yours\"]]}");
        assertThat(text(document.jsonReplacing(replacements))).isEqualTo("{\"rows\":[[1,\"yours\"],[3,4],[5,6,\"yours\"]]}");
        // the document itself is unchanged
        assertThat(gunzip(document.gzip())).isEqualTo("{\"rows\":[[1,2],[3,4],[5,6]]}");
    }

    @Test
    void segmentsLargerThanTheirCompressionBufferAndHardToCompressStayWhole() throws IOException {
        var random = new SplittableRandom(7);
        StringBuilder large = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            large.append((char) ('a' + random.nextInt(26)));
        }
        SegmentedGzip document = SegmentedGzip.of(segments("[", "\"" + large + "\"", ",\"b\"", "]"));

        assertThat(gunzip(document.gzip())).isEqualTo("[\"" + large + "\",\"b\"]");
        assertThat(gunzip(document.gzipReplacing(Map.of(2, bytes(",\"" + large + "\"")))))
                .isEqualTo("[\"" + large + "\",\"" + large + "\"]");
    }

    @Test
    void theLastSegmentEndsTheStreamAndIsNeverReplaced() {
        SegmentedGzip document = SegmentedGzip.of(segments("[", "1", "]"));

        assertThatThrownBy(() -> document.gzipReplacing(Map.of(2, bytes("2]")))).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<byte[]> segments(String... segments) {
        return List.of(segments).stream().map(SegmentedGzipTest::bytes).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String gunzip(byte[] gzip) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return text(in.readAllBytes());
        }
    }
}
