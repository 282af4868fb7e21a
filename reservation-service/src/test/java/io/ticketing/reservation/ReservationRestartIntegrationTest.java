package io.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.ShowScheduledMother;

/**
 * Holds in flight survive a restart of reservation-service: the lease lives in Redis and the record in
 * PostgreSQL, so the next instance shows the hold, keeps its seats and frees them when the lease ends, by its sweeper
 * alone.
 */
class ReservationRestartIntegrationTest {

    @Test
    void aHoldTakenBeforeARestartIsStillHeldAfterItAndExpiresOnTime() {
        Map<String, Object> properties = new HashMap<>();
        TestInfrastructure.register((name, value) -> properties.put(name, value.get()), "reservation",
                Component.POSTGRES, Component.KAFKA, Component.REDIS);
        properties.put("server.port", 0);
        // long enough for a second instance to start on a busy machine before the hold ends
        properties.put("ticketing.reservation.hold-ttl", "PT20S");
        properties.put("ticketing.reservation.hold-grace", "PT0.5S");
        ShowScheduled show = ShowScheduledMother.show(1, 4);
        UUID ana = UUID.randomUUID();

        String holdId;
        Instant expiresAt;
        try (ConfigurableApplicationContext first = start(properties)) {
            EventProducer.shared().send(show);
            await().atMost(Duration.ofSeconds(30)).until(() -> api(first).get(seats(show)).status() == 200);
            var hold = customer(first, ana).post("/api/v1/shows/" + show.showId() + "/holds",
                    Map.of("seatIds", List.of("A1", "A2")));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            holdId = hold.text("holdId");
            expiresAt = Instant.parse(hold.text("expiresAt"));
        }

        // the next instance never hears of the show's seats: it learns from PostgreSQL which shows to sweep, and its
        // sweeper alone frees the hold (no expiry notifications)
        properties.put("ticketing.reservation.expiry-notifications", "false");
        try (ConfigurableApplicationContext second = start(properties)) {
            assertThat(customer(second, ana).get("/api/v1/holds/" + holdId).text("status")).isEqualTo("HELD");
            assertThat(customer(second, UUID.randomUUID()).post("/api/v1/shows/" + show.showId() + "/holds",
                    Map.of("seatIds", List.of("A2"))).text("code")).isEqualTo("SEATS_HELD");

            await().atMost(Duration.ofSeconds(35)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "EXPIRED".equals(customer(second, ana).get("/api/v1/holds/" + holdId).text("status")));
            assertThat(Instant.now()).isBefore(expiresAt.plusMillis(500).plusSeconds(1));
            assertThat(customer(second, UUID.randomUUID()).post("/api/v1/shows/" + show.showId() + "/holds",
                    Map.of("seatIds", List.of("A2"))).status()).isEqualTo(201);
        }
    }

    /** The properties as command-line arguments, which win over application.yml as the test's registry does. */
    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(ReservationApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    private static String seats(ShowScheduled show) {
        return "/api/v1/shows/" + show.showId() + "/seats";
    }

    private static JsonApi api(ConfigurableApplicationContext app) {
        return JsonApi.asGateway("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    }

    private static JsonApi customer(ConfigurableApplicationContext app, UUID customerId) {
        return api(app).withHeader("X-Customer-Id", customerId.toString());
    }
}
