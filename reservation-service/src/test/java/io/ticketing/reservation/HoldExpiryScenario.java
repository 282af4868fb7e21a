package io.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.ShowScheduledMother;

/**
 * With a 2-second hold and half a second of grace, a hold ends by itself within a second of its lease and its
 * seats are free again. Run twice: by Redis expiry notifications alone and by the sweeper alone, as either may
 * miss one and the other must still free it.
 */
abstract class HoldExpiryScenario extends ReservationIntegrationTest {

    @Test
    void freesTheSeatsWithinASecondOfTheLeaseEnding() {
        ShowScheduled show = ShowScheduledMother.show(1, 4);
        EventProducer.shared().send(show);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM seating_plan WHERE show_id = ?")
                .param(show.showId()).query(Integer.class).single() == 1);
        var ana = JsonApi.asGateway("http://127.0.0.1:" + port).withHeader("X-Customer-Id", UUID.randomUUID().toString());
        var ben = JsonApi.asGateway("http://127.0.0.1:" + port).withHeader("X-Customer-Id", UUID.randomUUID().toString());
        String path = "/api/v1/shows/" + show.showId() + "/holds";

        var held = ana.post(path, Map.of("seatIds", List.of("A1", "A2")));
        Instant leaseEnds = Instant.parse(held.text("expiresAt")).plusMillis(500);
        assertThat(ben.post(path, Map.of("seatIds", List.of("A2"))).text("code")).isEqualTo("SEATS_HELD");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> "EXPIRED".equals(ana.get("/api/v1/holds/" + held.text("holdId")).text("status")));
        Instant expired = Instant.now();
        assertThat(expired).isBefore(leaseEnds.plusSeconds(1));
        assertThat(expired).isAfter(leaseEnds.minusMillis(100));
        assertThat(ben.post(path, Map.of("seatIds", List.of("A2"))).status()).isEqualTo(201);
    }
}
