package io.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.reservation.hold.Hold;
import io.ticketing.testsupport.ServiceSmokeTests;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.ShowScheduledMother;

/**
 * reservation-service records a scheduled show's seating plan exactly once, however often the event arrives,
 * and opens its live seat map in Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShowScheduledConsumerIntegrationTest extends ServiceSmokeTests {

    private final EventProducer events = EventProducer.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reservation", Component.POSTGRES, Component.KAFKA, Component.REDIS);
    }

    @Autowired
    RedissonClient redis;

    @Test
    void recordsAScheduledShowOnceEvenWhenTheEventIsDeliveredTwice() {
        ShowScheduled show = ShowScheduledMother.show(3, 10);
        ShowScheduled later = ShowScheduledMother.show(1, 4);

        events.send(show);
        events.send(show);
        events.send(later);

        await().atMost(Duration.ofSeconds(30)).until(() -> plans(later) == 1);
        assertThat(plans(show)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(show.eventId())
                .query(Integer.class).single()).isEqualTo(1);
        var seatMap = redis.<String, String>getMap("show:{" + show.showId() + "}:seats", StringCodec.INSTANCE);
        assertThat(seatMap.size()).isEqualTo(30);
        assertThat(seatMap.get("A1")).isEqualTo("AVAILABLE");
    }

    @Test
    void knowsNoNoOpEndpointUnlessItIsSwitchedOn() {
        var response = api().withHeader("X-Customer-Id", UUID.randomUUID().toString())
                .post("/api/v1/no-op", Map.of("seatIds", List.of("A1")));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void servesTheSeatMapOfAScheduledShow() {
        ShowScheduled show = ShowScheduledMother.show(2, 5);
        // asked for before the event arrived (a client racing the on-sale): not remembered as missing
        assertThat(api().get("/api/v1/shows/" + show.showId() + "/seats").status()).isEqualTo(404);
        events.send(show);
        await().atMost(Duration.ofSeconds(30)).until(() -> plans(show) == 1);

        var seats = api().get("/api/v1/shows/" + show.showId() + "/seats");

        assertThat(seats.status()).isEqualTo(200);
        assertThat(seats.json().path("rows")).hasSize(2);
        var firstSeat = seats.json().path("rows").get(0).path("seats").get(0);
        assertThat(firstSeat.path("seatId").asString()).isEqualTo("A1");
        assertThat(firstSeat.path("type").asString()).isEqualTo("PREMIUM");
        assertThat(firstSeat.path("price").decimalValue()).isEqualByComparingTo("16.00");
        assertThat(firstSeat.path("status").asString()).isEqualTo("AVAILABLE");
    }

    @Test
    void answersAnUnknownShowWith404Problem() {
        var seats = api().get("/api/v1/shows/" + UUID.randomUUID() + "/seats");
        assertThat(seats.status()).isEqualTo(404);
        assertThat(seats.isProblem()).isTrue();
        assertThat(seats.text("code")).isEqualTo("SHOW_NOT_FOUND");
    }

    private int plans(ShowScheduled show) {
        return jdbc.sql("SELECT count(*) FROM seating_plan WHERE show_id = ?").param(show.showId())
                .query(Integer.class).single();
    }

    @Override
    protected Map<String, Class<? extends Enum<?>>> statusColumns() {
        return Map.of("hold.status", Hold.Status.class);
    }
}
