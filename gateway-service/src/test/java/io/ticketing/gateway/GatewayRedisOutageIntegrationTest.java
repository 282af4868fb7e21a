package io.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.ticketing.localstack.infra.FileTrees;
import io.ticketing.localstack.infra.Ports;
import io.ticketing.localstack.infra.ProcessKiller;
import io.ticketing.localstack.infra.RedisServer;
import io.ticketing.testsupport.JsonApi;

/**
 * The rate limiter fails open: while Redis is paused (the process stopped with SIGSTOP, so connections stay
 * open and nothing answers) or down (connection refused), every request — session creations, proxied calls,
 * customer calls that take two buckets — is answered at once; once Redis is back, limits apply again.
 * This gateway has a Redis of its own, so pausing it disturbs no other test.
 */
class GatewayRedisOutageIntegrationTest {

    /**
     * Generous, for a shared 2-core machine under load: the limiter gives up on Redis after 250 ms, while a request
     * that waits for Redis takes as long as Redis is away (before the fix: up to tens of seconds for this burst).
     */
    private static final Duration PROMPT = Duration.ofSeconds(2);
    private static final int CONCURRENT_REQUESTS = 30;

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static Path redisDir;
    private static RedisServer redis;
    private ConfigurableApplicationContext gateway;
    private static boolean paused;

    @BeforeAll
    static void startRedis() throws Exception {
        redisDir = Files.createTempDirectory("gateway-redis-outage-");
        redis = new RedisServer(redisDir.resolve("redis"), Ports.freePort());
        redis.start();
    }

    /** A new gateway per test: whether it has ever reached Redis is part of the scenario. */
    @BeforeEach
    void startGateway() {
        Map<String, Object> properties = new HashMap<>();
        DynamicPropertyRegistry registry = (name, value) -> properties.put(name, value.get());
        StubServices.registerServices(registry);
        properties.put("server.port", 0);
        properties.put("server.shutdown", "immediate");
        properties.put("ticketing.redis.host", redis.host());
        properties.put("ticketing.redis.port", redis.port());
        // the web app's key must be one of this gateway's client keys
        properties.put("ticketing.gateway.web.api-key", "tiny-key");
        properties.put("ticketing.gateway.access.api-keys[0].name", "tiny-app");
        properties.put("ticketing.gateway.access.api-keys[0].sha256", sha256("tiny-key"));
        properties.put("ticketing.gateway.access.api-keys[0].role", "CLIENT");
        properties.put("ticketing.gateway.access.api-keys[0].requests-per-second", 1);
        properties.put("ticketing.gateway.access.api-keys[0].burst", 3);
        properties.put("ticketing.gateway.access.api-keys[1].name", "roomy-app");
        properties.put("ticketing.gateway.access.api-keys[1].sha256", sha256("roomy-key"));
        properties.put("ticketing.gateway.access.api-keys[1].role", "CLIENT");
        properties.put("ticketing.gateway.access.api-keys[1].requests-per-second", 100_000);
        properties.put("ticketing.gateway.access.api-keys[1].burst", 100_000);
        properties.put("ticketing.gateway.access.api-keys[2].name", "support-app");
        properties.put("ticketing.gateway.access.api-keys[2].sha256", sha256("admin-key"));
        properties.put("ticketing.gateway.access.api-keys[2].role", "ADMIN");
        properties.put("ticketing.gateway.access.api-keys[2].requests-per-second", 100_000);
        properties.put("ticketing.gateway.access.api-keys[2].burst", 100_000);
        properties.put("ticketing.gateway.rate-limits.per-customer.requests-per-second", 100_000);
        properties.put("ticketing.gateway.rate-limits.per-customer.burst", 100_000);
        String[] args = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(args);
    }

    @AfterEach
    void stopGatewayAndLetRedisRunAgain() {
        resume();
        gateway.close();
        if (!redis.isRunning()) {
            redis.start();
        }
    }

    @AfterAll
    static void stopRedis() {
        resume();
        if (redis != null) {
            redis.stop();
        }
        FileTrees.deleteQuietly(redisDir);
    }

    @Test
    void answersEveryRequestAtOnceWhenRedisIsPausedBeforeTheGatewayFirstReachesIt() {
        pause();
        String token = api("admin-key").post("/api/v1/admin/sessions", Map.of("email", "ana@example.com")).text("token");

        List<Answer> answers = burst("roomy-key", token);

        assertThat(answers).hasSize(CONCURRENT_REQUESTS).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
            assertThat(answer.took()).as(answer.toString()).isLessThan(PROMPT);
        });
        resume();
        assertThat(eventuallyRefused("tiny-key")).isTrue();
    }

    @Test
    void answersEveryRequestAtOnceWhenRedisIsDownBeforeTheGatewayFirstReachesIt() {
        redis.stop();
        String token = api("admin-key").post("/api/v1/admin/sessions", Map.of("email", "ana@example.com")).text("token");

        assertThat(burst("roomy-key", token)).hasSize(CONCURRENT_REQUESTS).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
            assertThat(answer.took()).as(answer.toString()).isLessThan(PROMPT);
        });

        redis.start();
        assertThat(eventuallyRefused("tiny-key")).isTrue();
    }

    @Test
    void answersEveryRequestAtOnceWhileRedisIsPaused() {
        String token = api("admin-key").post("/api/v1/admin/sessions", Map.of("email", "ana@example.com")).text("token");
        assertThat(burst("roomy-key", token)).allSatisfy(answer -> assertThat(answer.status()).isIn(200, 201));

        pause();
        List<Answer> answers = burst("roomy-key", token);

        assertThat(answers).hasSize(CONCURRENT_REQUESTS).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
            assertThat(answer.took()).as(answer.toString()).isLessThan(PROMPT);
        });
    }

    @Test
    void limitsAgainOnceAPausedRedisAnswersAgain() {
        pause();
        // far beyond the tiny key's burst of 3: all let through while Redis does not answer
        assertThat(sequence("tiny-key", 8)).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.took()).as(answer.toString()).isLessThan(PROMPT);
        });

        resume();

        assertThat(eventuallyRefused("tiny-key")).isTrue();
    }

    @Test
    void answersEveryRequestAtOnceWhileRedisIsDownAndLimitsAgainWhenItIsBack() {
        String token = api("admin-key").post("/api/v1/admin/sessions", Map.of("email", "ana@example.com")).text("token");
        redis.stop();

        assertThat(burst("roomy-key", token)).hasSize(CONCURRENT_REQUESTS).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
            assertThat(answer.took()).as(answer.toString()).isLessThan(PROMPT);
        });
        assertThat(sequence("tiny-key", 8)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));

        redis.start();

        assertThat(eventuallyRefused("tiny-key")).isTrue();
    }

    /** Session creations, proxied browse calls and customer calls (two buckets each), all at once. */
    private List<Answer> burst(String key, String token) {
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
            HttpRequest.Builder request = switch (i % 3) {
                case 0 -> request("/api/v1/admin/sessions", "admin-key").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"ana@example.com\"}"));
                case 1 -> request("/api/v1/cities", key).GET();
                default -> request("/api/v1/bookings", key).header("Authorization", "Bearer " + token).GET();
            };
            answers.add(send(request.build()));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private List<Answer> sequence(String key, int count) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(send(request("/api/v1/cities", key).GET().build()).join());
        }
        return answers;
    }

    /** Whether a quick series of calls with the tiny key meets a 429 within a few seconds (Redis reconnects). */
    private boolean eventuallyRefused(String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (sequence(key, 5).stream().anyMatch(answer -> answer.status() == 429)) {
                return true;
            }
        }
        return false;
    }

    private static CompletableFuture<Answer> send(HttpRequest request) {
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> new Answer(request.method() + " " + request.uri().getPath(),
                        response == null ? -1 : response.statusCode(), Duration.ofNanos(System.nanoTime() - started),
                        failure == null ? null : failure.toString()));
    }

    private HttpRequest.Builder request(String path, String key) {
        // the client waits far longer than the prompt answer asked for, so a slow answer is measured, not cut
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("X-API-Key", key);
    }

    private JsonApi api(String key) {
        return new JsonApi(baseUrl()).withHeader("X-API-Key", key);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }

    private static synchronized void pause() {
        ProcessKiller.signal(redisPid(), "STOP");
        paused = true;
    }

    private static synchronized void resume() {
        if (paused) {
            ProcessKiller.signal(redisPid(), "CONT");
            paused = false;
        }
    }

    private static long redisPid() {
        return redis.externalProcess().orElseThrow().pid();
    }

    private record Answer(String request, int status, Duration took, String failure) {
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
