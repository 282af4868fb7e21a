package io.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.ShowScheduledMother;

/**
 * Two instances whose clocks are three minutes apart, either way, share one Redis: a hold's lease is judged by
 * Redis's clock alone, so whichever instance took it and whichever sweeps, it ends at its lease end, never minutes
 * early or late. Redis runs on this machine, so its clock is the test's.
 */
class LeaseClockIntegrationTest {

    private static final Duration SKEW = Duration.ofMinutes(3);

    @Test
    void instancesWhoseClocksDifferExpireAHoldAtItsLeaseEnd() {
        ShowScheduled show = onSaleSinceAnHour(ShowScheduledMother.show(1, 4));
        try (ConfigurableApplicationContext behind = start(SKEW.negated());
                ConfigurableApplicationContext ahead = start(SKEW)) {
            EventProducer.shared().send(show);
            await().atMost(Duration.ofSeconds(30)).until(() -> api(behind).get(seats(show)).status() == 200
                    && api(ahead).get(seats(show)).status() == 200);

            // taken where the clock is behind, swept also where it is ahead: not expired minutes early
            UUID ana = UUID.randomUUID();
            Instant asked = Instant.now();
            var early = customer(behind, ana).post(holds(show), Map.of("seatIds", List.of("A1")));
            assertThat(early.status()).as(early.body()).isEqualTo(201);
            assertThat(Instant.parse(early.text("expiresAt"))).as("Redis's time plus the hold time")
                    .isBetween(asked.plusSeconds(1), Instant.now().plusSeconds(3));
            Instant leaseEnd = Instant.parse(early.text("expiresAt")).plusMillis(500);
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> status(ahead, ana, early).equals("EXPIRED"));
            assertThat(Instant.now()).isAfter(leaseEnd.minusMillis(100)).isBefore(leaseEnd.plusSeconds(2));

            // taken where the clock is ahead, swept only where it is behind: not expired minutes late
            UUID ben = UUID.randomUUID();
            Instant askedAgain = Instant.now();
            var late = customer(ahead, ben).post(holds(show), Map.of("seatIds", List.of("A2")));
            assertThat(late.status()).as(late.body()).isEqualTo(201);
            ahead.close();
            Instant secondLeaseEnd = Instant.parse(late.text("expiresAt")).plusMillis(500);
            assertThat(secondLeaseEnd).isBefore(askedAgain.plusSeconds(4));
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> status(behind, ben, late).equals("EXPIRED"));
            assertThat(Instant.now()).isBefore(secondLeaseEnd.plusSeconds(2));
        }
    }

    /** On sale for either clock. */
    private static ShowScheduled onSaleSinceAnHour(ShowScheduled show) {
        return new ShowScheduled(show.eventId(), show.occurredAt(), show.showId(), show.movieId(), show.movieTitle(),
                show.cinemaId(), show.hallId(), show.hallName(), show.startsAt(), show.endsAt(),
                Instant.now().minus(Duration.ofHours(1)), show.salesCloseAt(), show.rows(), show.prices());
    }

    private static String status(ConfigurableApplicationContext app, UUID customer, JsonApi.Response hold) {
        return customer(app, customer).get("/api/v1/holds/" + hold.text("holdId")).text("status");
    }

    /** An instance whose clock is {@code skew} off; expiry by its sweepers alone (no Redis notifications). */
    private static ConfigurableApplicationContext start(Duration skew) {
        Map<String, Object> properties = new HashMap<>();
        TestInfrastructure.register((name, value) -> properties.put(name, value.get()), "reservation",
                Component.POSTGRES, Component.KAFKA, Component.REDIS);
        properties.put("server.port", 0);
        properties.put("ticketing.reservation.hold-ttl", "PT2S");
        properties.put("ticketing.reservation.hold-grace", "PT0.5S");
        properties.put("ticketing.reservation.expiry-notifications", false);
        properties.put("ticketing.reservation.record-sweep-interval", "PT0.2S");
        properties.put("test.clock-skew", skew);
        return new SpringApplicationBuilder(ReservationApplication.class, SkewedClock.class)
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    /** The instance's clock, {@code test.clock-skew} off (a source of the test's applications only, never scanned). */
    static class SkewedClock {

        @Bean
        Clock clock(Environment environment) {
            return Clock.offset(Clock.systemUTC(), environment.getRequiredProperty("test.clock-skew", Duration.class));
        }
    }

    private static String seats(ShowScheduled show) {
        return "/api/v1/shows/" + show.showId() + "/seats";
    }

    private static String holds(ShowScheduled show) {
        return "/api/v1/shows/" + show.showId() + "/holds";
    }

    private static JsonApi api(ConfigurableApplicationContext app) {
        return JsonApi.asGateway("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    }

    private static JsonApi customer(ConfigurableApplicationContext app, UUID customerId) {
        return api(app).withHeader("X-Customer-Id", customerId.toString());
    }
}
