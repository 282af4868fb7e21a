package io.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import io.ticketing.events.catalog.ShowCancelled;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.catalog.ShowUpdated;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;

/**
 * Two instances of the service, both with a show's plan cached, and a change of the show that the consumer group hands
 * to one of them: both sell at the new prices at once, and neither sells after a cancellation. Before, the other
 * instance kept its cached plan for up to 10 minutes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanChangesIntegrationTest extends ReservationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LISTENER = "reservation-plan-changes";

    private static ConfigurableApplicationContext second;

    @Autowired
    ApplicationContext first;

    @BeforeAll
    static void startSecondInstance() {
        Map<String, Object> properties = new HashMap<>();
        TestInfrastructure.register((name, value) -> properties.put(name, value.get()), "reservation",
                Component.POSTGRES, Component.KAFKA, Component.REDIS);
        properties.put("server.port", 0);
        second = new SpringApplicationBuilder(ReservationApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void everyInstanceSellsAtTheNewPricesAndNoneAfterACancellation() {
        listening(first);
        listening(second);
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 1, 4);
        List<JsonApi> instances = List.of(instance(port), instance(port(second)));
        BigDecimal before = price(instances.getFirst(), show);
        for (JsonApi instance : instances) {
            assertThat(price(instance, show)).as("the plan cached").isEqualByComparingTo(before);
        }
        BigDecimal after = before.add(new BigDecimal("7.00"));

        List<ShowScheduled.Price> prices = show.prices().stream().map(price -> new ShowScheduled.Price(
                price.seatType(), price.amount().add(new BigDecimal("7.00")), price.currency())).toList();
        EventProducer.shared().send(new ShowUpdated(UUID.randomUUID(), Instant.now(), show.showId(), show.startsAt(),
                show.endsAt(), show.salesOpenAt(), show.salesCloseAt(), prices, 2));

        for (JsonApi instance : instances) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(price(instance, show)).isEqualByComparingTo(after));
        }
        var held = instances.get(1).post(holds(show), Map.of("seatIds", List.of("A1")));
        assertThat(held.status()).isEqualTo(201);
        assertThat(held.json().path("amount").decimalValue()).isEqualByComparingTo(after);

        EventProducer.shared().send(new ShowCancelled(UUID.randomUUID(), Instant.now(), show.showId()));

        for (JsonApi instance : instances) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(instance.post(holds(show),
                    Map.of("seatIds", List.of("A2"))).text("code")).as("a cancelled show sells nothing")
                    .isEqualTo("SALES_CLOSED"));
        }
    }

    /** The instance's own subscription has its partitions: read from the latest offset, it hears what follows. */
    private static void listening(ApplicationContext instance) {
        var container = instance.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(LISTENER);
        await().atMost(WAIT).until(() -> container.getAssignedPartitions() != null
                && !container.getAssignedPartitions().isEmpty());
    }

    private static BigDecimal price(JsonApi instance, ShowScheduled show) {
        var seats = instance.get("/api/v1/shows/" + show.showId() + "/seats");
        assertThat(seats.status()).isEqualTo(200);
        return seats.json().path("rows").get(0).path("seats").get(0).path("price").decimalValue();
    }

    private static String holds(ShowScheduled show) {
        return "/api/v1/shows/" + show.showId() + "/holds";
    }

    private static JsonApi instance(int port) {
        return JsonApi.asGateway("http://127.0.0.1:" + port).withHeader("X-Customer-Id", UUID.randomUUID().toString());
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
