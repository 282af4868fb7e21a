package io.ticketing.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.booking.inventory.Inventory;
import io.ticketing.booking.sale.Booking;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.testsupport.ServiceSmokeTests;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.ShowScheduledMother;

/** booking-service stocks a scheduled show's seats exactly once, however often the event arrives. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShowScheduledConsumerIntegrationTest extends ServiceSmokeTests {

    private final EventProducer events = EventProducer.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "booking", Component.POSTGRES, Component.KAFKA);
    }

    @Test
    void stocksEverySeatOfAScheduledShowOnceEvenWhenTheEventIsDeliveredTwice() {
        ShowScheduled show = ShowScheduledMother.show(4, 10);
        ShowScheduled later = ShowScheduledMother.show(1, 5);

        events.send(show);
        events.send(show);
        events.send(later);

        // the later event is on the same topic; once it is stocked, both copies of the first have been consumed
        await().atMost(Duration.ofSeconds(30)).until(() -> seats(later) == 5);
        assertThat(seats(show)).isEqualTo(40);
        assertThat(jdbc.sql("SELECT count(*) FROM show_inventory WHERE show_id = ?").param(show.showId())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(show.eventId())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT sum(price) FROM show_seat WHERE show_id = ?").param(show.showId())
                .query(Double.class).single()).isEqualTo(10 * 16.00 + 30 * 11.50);
    }

    @Test
    void reportsTheSalesOfAStockedShow() {
        ShowScheduled show = ShowScheduledMother.show(2, 6);
        events.send(show);
        await().atMost(Duration.ofSeconds(30)).until(() -> seats(show) == 12);

        var sales = api().get("/api/v1/admin/shows/" + show.showId() + "/sales");

        assertThat(sales.status()).isEqualTo(200);
        assertThat(sales.json().path("seatCount").asInt()).isEqualTo(12);
        assertThat(sales.json().path("seats").path("AVAILABLE").asInt()).isEqualTo(12);
        assertThat(sales.json().path("bookings")).as("no booking yet").isEmpty();
    }

    @Test
    void answersAnUnknownShowsSalesWith404Problem() {
        var sales = api().get("/api/v1/admin/shows/" + java.util.UUID.randomUUID() + "/sales");
        assertThat(sales.status()).isEqualTo(404);
        assertThat(sales.isProblem()).isTrue();
        assertThat(sales.text("code")).isEqualTo("SHOW_NOT_FOUND");
        assertThat(api().get("/api/v1/admin/shows/not-a-uuid/sales").status())
                .isEqualTo(400);
    }

    private int seats(ShowScheduled show) {
        return jdbc.sql("SELECT count(*) FROM show_seat WHERE show_id = ?").param(show.showId())
                .query(Integer.class).single();
    }

    @Override
    protected Map<String, Class<? extends Enum<?>>> statusColumns() {
        return Map.of("show_seat.status", Inventory.Seat.Status.class, "booking.status", Booking.Status.class);
    }
}
