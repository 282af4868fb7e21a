package io.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.testsupport.JsonApi;

/**
 * A service with several instances ({@code ticketing.gateway.services.catalog} lists three: a stub, a closed port and a
 * second stub): the gateway takes them in turn, passes over the one that refuses connections, sends a request that
 * never reached an instance to another whatever its method, and sends an idempotent request again when its instance
 * died before answering (the connection closed or was reset), but never a request that is not idempotent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ticketing.gateway.response-timeout=1s")
class GatewayInstancesIntegrationTest {

    private static final String SECOND = StubServices.SECOND_CATALOG;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.registerWithInstances(registry);
    }

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    /** An admin key with a session of a new customer: allowed everywhere. */
    private JsonApi admin() {
        var api = new JsonApi("http://127.0.0.1:" + port).withHeader("X-API-Key", "local-admin-key");
        String token = api.post("/api/v1/admin/sessions",
                Map.of("email", "admin-" + UUID.randomUUID() + "@example.com")).text("token");
        return api.withHeader("Authorization", "Bearer " + token);
    }

    @Test
    void spreadsRequestsOverTheInstancesThatAnswer() {
        var admin = admin();
        String path = "/api/v1/movies/spread-" + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            assertThat(admin.get(path).status()).as("request %d", i).isEqualTo(200);
        }
        int first = StubServices.requestsTo("catalog", path);
        int second = StubServices.requestsTo(SECOND, path);
        assertThat(first + second).as("each request reached one instance, once").isEqualTo(20);
        assertThat(first).as("the first instance's share").isBetween(5, 15);
        assertThat(second).as("the second instance's share").isBetween(5, 15);
    }

    @Test
    void sendsARequestThatNeverReachedAnInstanceToAnotherWhateverItsMethod() {
        var admin = admin();
        String path = "/api/v1/admin/cities/" + UUID.randomUUID();
        for (int i = 0; i < 9; i++) {
            // a POST is sent once: to the instance that is down (refused), then to a live one
            assertThat(admin.post(path, Map.of("name", "Pune")).status()).as("request %d", i).isEqualTo(200);
        }
        assertThat(StubServices.requestsTo("catalog", path) + StubServices.requestsTo(SECOND, path)).isEqualTo(9);
    }

    @Test
    void sendsAnIdempotentRequestAgainWhenItsInstanceDiedBeforeAnswering() {
        var admin = admin();
        String path = "/api/v1/movies/crash-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            assertThat(admin.get(path).status()).as("request %d", i).isEqualTo(200);
        }
        assertThat(StubServices.requestsTo("catalog", path)).as("requests the first instance died on").isPositive();
        assertThat(StubServices.requestsTo(SECOND, path)).as("each answered by the second").isEqualTo(10);
    }

    @Test
    void sendsAnIdempotentRequestAgainWhenItsInstanceResetTheConnection() {
        var admin = admin();
        String path = "/api/v1/tickets/" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            assertThat(admin.get(path).status()).as("request %d", i).isEqualTo(200);
        }
        assertThat(StubServices.requestsTo(StubServices.RESETTING_NOTIFICATION, path))
                .as("requests whose connection the first instance reset").isPositive();
        assertThat(StubServices.requestsTo("notification", path)).as("each answered by the second").isEqualTo(10);
    }

    @Test
    void neverSendsARequestThatIsNotIdempotentAgainOnceAnInstanceHasIt() {
        var admin = admin();
        String path = "/api/v1/admin/cities/crash-" + UUID.randomUUID();
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            var response = admin.post(path, Map.of("name", "Pune"));
            if (response.status() == 503) {
                refused++;
                assertThat(response.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
            }
            else {
                assertThat(response.status()).isEqualTo(200);
            }
        }
        int died = StubServices.requestsTo("catalog", path);
        assertThat(died).as("requests the first instance died on").isPositive();
        assertThat(refused).as("each of them answered 503, not sent again").isEqualTo(died);
        assertThat(StubServices.requestsTo(SECOND, path)).isEqualTo(10 - died);
    }

    @Test
    void showsEachInstanceInTheGatewaysHealth() {
        var health = new JsonApi("http://127.0.0.1:" + managementPort).get("/actuator/health");
        var catalog = health.json().path("components").path("services").path("components").path("catalog");
        assertThat(catalog.path("components").path("1").path("status").asString()).isEqualTo("UP");
        assertThat(catalog.path("components").path("2").path("status").asString()).isEqualTo("DOWN");
        assertThat(catalog.path("components").path("3").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("services").path("components").path("booking")
                .path("status").asString()).isEqualTo("UP");
    }
}
