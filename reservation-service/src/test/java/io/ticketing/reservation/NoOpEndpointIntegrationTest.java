package io.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import io.ticketing.testsupport.JsonApi;

/**
 * The benchmark's baseline endpoint, switched on: it asks for what a hold asks for (a customer, a well-formed
 * {@code seatIds} body) and changes nothing. Switched off (the default) it is an unknown path, see
 * {@code ShowScheduledConsumerIntegrationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ticketing.reservation.no-op-endpoint=true")
class NoOpEndpointIntegrationTest extends ReservationIntegrationTest {

    @Test
    void answersACustomersHoldShapedRequestWithNoContentAndChangesNothing() {
        int holdsBefore = holds();

        var response = api().withHeader("X-Customer-Id", UUID.randomUUID().toString())
                .post("/api/v1/no-op", Map.of("seatIds", List.of("A1", "A2")));

        assertThat(response.status()).as(response.body()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(holds()).isEqualTo(holdsBefore);
    }

    @Test
    void asksForASessionAndAWellFormedBodyLikeAHold() {
        var anonymous = api().post("/api/v1/no-op", Map.of("seatIds", List.of("A1")));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("code")).isEqualTo("SESSION_REQUIRED");

        var customer = api().withHeader("X-Customer-Id", UUID.randomUUID().toString());
        assertThat(customer.postRaw("/api/v1/no-op", "{\"seatIds\": [").status()).isEqualTo(400);
        assertThat(customer.post("/api/v1/no-op", Map.of()).status()).isEqualTo(400);
    }

    private int holds() {
        return jdbc.sql("SELECT count(*) FROM hold").query(Integer.class).single();
    }

    private JsonApi api() {
        return JsonApi.asGateway("http://127.0.0.1:" + port);
    }
}
