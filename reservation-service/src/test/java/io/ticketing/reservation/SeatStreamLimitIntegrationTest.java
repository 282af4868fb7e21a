package io.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.reservation.stream.SeatStreams;
import io.ticketing.testsupport.SseClient;

/** With room for one stream, a second is refused with a 503 problem until the first client has gone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.reservation.stream.max-connections=1", "ticketing.reservation.stream.heartbeat-interval=PT0.2S" })
class SeatStreamLimitIntegrationTest extends ReservationIntegrationTest {

    @Autowired
    SeatStreams streams;

    @Test
    void refusesStreamsBeyondTheCapUntilOneEnds() {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 1, 4);
        String url = "http://127.0.0.1:" + port + "/api/v1/shows/" + show.showId() + "/seats/stream";

        var first = SseClient.connect(url);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.next(Duration.ofSeconds(10)).name()).isEqualTo("snapshot");
        try (var second = SseClient.connect(url)) {
            assertThat(second.status()).isEqualTo(503);
            assertThat(second.contentType()).startsWith("application/problem+json");
            assertThat(second.problem().path("code").asString()).isEqualTo("TOO_MANY_STREAMS");
        }

        first.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.openStreams() == 0);
        try (var third = SseClient.connect(url)) {
            assertThat(third.status()).isEqualTo(200);
            assertThat(third.next(Duration.ofSeconds(10)).name()).isEqualTo("snapshot");
        }
    }
}
