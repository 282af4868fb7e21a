package io.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.ticketing.gateway.access.SessionTokens;
import io.ticketing.testsupport.JsonApi;

/**
 * Two gateway instances share one Redis: a key's or a customer's limit holds across both, refused requests
 * get a 429 problem with Retry-After, and every limited answer carries the RateLimit headers.
 */
class GatewayRateLimitIntegrationTest {

    private static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

    @BeforeAll
    static void startTwoGateways() {
        Map<String, Object> properties = new HashMap<>();
        DynamicPropertyRegistry registry = (name, value) -> properties.put(name, value.get());
        StubServices.register(registry);
        properties.put("server.port", 0);
        // the web app's key must be one of this gateway's client keys
        properties.put("ticketing.gateway.web.api-key", "roomy-key");
        properties.put("ticketing.gateway.access.api-keys[0].name", "tiny-app");
        properties.put("ticketing.gateway.access.api-keys[0].sha256", sha256("tiny-key"));
        properties.put("ticketing.gateway.access.api-keys[0].role", "CLIENT");
        properties.put("ticketing.gateway.access.api-keys[0].requests-per-second", 1);
        properties.put("ticketing.gateway.access.api-keys[0].burst", 6);
        properties.put("ticketing.gateway.access.api-keys[1].name", "roomy-app");
        properties.put("ticketing.gateway.access.api-keys[1].sha256", sha256("roomy-key"));
        properties.put("ticketing.gateway.access.api-keys[1].role", "CLIENT");
        properties.put("ticketing.gateway.access.api-keys[2].name", "busy-app");
        properties.put("ticketing.gateway.access.api-keys[2].sha256", sha256("busy-key"));
        properties.put("ticketing.gateway.access.api-keys[2].role", "CLIENT");
        properties.put("ticketing.gateway.access.api-keys[2].requests-per-second", 100);
        properties.put("ticketing.gateway.access.api-keys[2].burst", 100);
        properties.put("ticketing.gateway.access.api-keys[3].name", "support-app");
        properties.put("ticketing.gateway.access.api-keys[3].sha256", sha256("admin-key"));
        properties.put("ticketing.gateway.access.api-keys[3].role", "ADMIN");
        properties.put("ticketing.gateway.rate-limits.per-client.requests-per-second", 1);
        properties.put("ticketing.gateway.rate-limits.per-client.burst", 3);
        properties.put("ticketing.gateway.rate-limits.per-customer.requests-per-second", 1);
        properties.put("ticketing.gateway.rate-limits.per-customer.burst", 4);
        // as command-line arguments, so they win over application.yml like a deployment's settings would
        String[] args = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        for (int i = 0; i < 2; i++) {
            gateways.add(new SpringApplicationBuilder(GatewayApplication.class).run(args));
        }
    }

    @AfterAll
    static void stopGateways() {
        gateways.forEach(ConfigurableApplicationContext::close);
    }

    private static JsonApi gateway(int index, String key) {
        int port = ((WebServerApplicationContext) gateways.get(index)).getWebServer().getPort();
        return new JsonApi("http://127.0.0.1:" + port).withHeader("X-API-Key", key);
    }

    /** A session for the customer of {@code email}, from an admin (support staff) on one of the instances. */
    private static String session(int index, String email) {
        return gateway(index, "admin-key").post("/api/v1/admin/sessions", Map.of("email", email)).text("token");
    }

    @Test
    void aSessionSignedOutOnOneInstanceStopsWorkingOnTheOther() {
        String laptop = session(0, "carla@example.com");
        String phone = session(1, "carla@example.com");
        assertThat(gateway(1, "roomy-key").withHeader("Authorization", "Bearer " + laptop).get("/api/v1/cities")
                .status()).as("remembered as valid there first").isEqualTo(200);

        var signedOut = gateway(0, "roomy-key").withHeader("Authorization", "Bearer " + laptop)
                .delete("/api/v1/sessions/current");

        assertThat(signedOut.status()).isEqualTo(204);
        assertThat(gateway(0, "roomy-key").withHeader("Authorization", "Bearer " + laptop).get("/api/v1/cities")
                .text("code")).as("at once where it was signed out").isEqualTo("SESSION_ENDED");
        // watched without requests, each of which would take from the customer's small bucket while still valid there
        SessionTokens otherInstance = gateways.get(1).getBean(SessionTokens.class);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThatThrownBy(() -> otherInstance.verify(laptop)).isInstanceOf(SessionTokens.InvalidSession.class));
        assertThat(gateway(1, "roomy-key").withHeader("Authorization", "Bearer " + laptop).get("/api/v1/cities")
                .text("code")).as("on the other instance").isEqualTo("SESSION_ENDED");
        assertThat(gateway(1, "roomy-key").withHeader("Authorization", "Bearer " + phone).get("/api/v1/cities").status())
                .as("the customer's other session").isEqualTo(200);
    }

    @Test
    void limitsWhatNeedsNoKeyPerClientAddressAcrossBothInstances() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(gateway(i % 2, "none").get("/v3/api-docs/gateway").status());
        }
        // a burst of 3 refilled at 1/s
        assertThat(statuses.stream().filter(status -> status == 200).count()).isBetween(3L, 5L);
        assertThat(statuses).contains(429);
    }

    @Test
    void limitsAKeyAcrossBothGatewayInstances() {
        List<Integer> statuses = new ArrayList<>();
        JsonApi.Response refused = null;
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            var response = gateway(i % 2, "tiny-key").get("/api/v1/cities");
            statuses.add(response.status());
            if (response.status() == 429 && refused == null) {
                refused = response;
            }
        }
        // a burst of 6 refilled at 1/s: the 10 quick calls cannot all pass, whichever instance they hit
        assertThat(statuses.stream().filter(status -> status == 200).count()).isBetween(6L, 7L + secondsSince(started));
        assertThat(refused).isNotNull();
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.text("code")).isEqualTo("RATE_LIMITED");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("6");
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    }

    @Test
    void aBusyKeyTakenInSlicesStillGetsNoMoreThanItsLimitAcrossBothInstances() throws Exception {
        long started = System.nanoTime();
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        try (var callers = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 400; i++) {
                int instance = i % 2;
                answers.add(callers.submit(() -> gateway(instance, "busy-key").get("/api/v1/cities").status()));
            }
        }
        long seconds = secondsSince(started);
        long allowed = 0;
        for (var answer : answers) {
            allowed += answer.get() == 200 ? 1 : 0;
        }
        // a burst of 100 refilled at 100/s; each instance may give up what is left of a slice (at most 5 tokens)
        assertThat(allowed).isBetween(80L, 100L + 100L * (seconds + 1));
        assertThat(allowed).isLessThan(400);
    }

    @Test
    void limitsACustomerAcrossBothGatewayInstances() {
        String token = session(0, "ana@example.com");
        List<Integer> statuses = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            statuses.add(gateway(i % 2, "roomy-key").withHeader("Authorization", "Bearer " + token)
                    .get("/api/v1/bookings").status());
        }
        assertThat(statuses.stream().filter(status -> status == 200).count()).isBetween(4L, 5L + secondsSince(started));
        assertThat(statuses).contains(429);

        // another customer of the same app is not affected
        String other = session(1, "bob@example.com");
        assertThat(gateway(1, "roomy-key").withHeader("Authorization", "Bearer " + other).get("/api/v1/bookings")
                .status()).isEqualTo(200);
    }

    @Test
    void reportsTheRemainingAllowanceOnEveryAnswer() {
        var response = gateway(0, "roomy-key").get("/api/v1/movies/m1");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("1000");
        assertThat(Integer.parseInt(response.headers().firstValue("RateLimit-Remaining").orElseThrow()))
                .isBetween(990, 999);
    }

    private static long secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000_000L;
    }

    private static String sha256(String key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
