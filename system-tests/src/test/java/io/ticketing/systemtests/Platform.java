package io.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ticketing.localstack.InfraEndpoints;
import io.ticketing.localstack.infra.RedisCommands;
import io.ticketing.localstack.infra.SmtpServer;
import io.ticketing.testsupport.JsonApi;

/** The running platform's public entry as the system tests use it: the local keys and customer sessions. */
final class Platform {

    static final JsonApi ADMIN = new JsonApi(LocalStackProcess.GATEWAY).withHeader("X-API-Key", "local-admin-key");
    static final JsonApi CLIENT = new JsonApi(LocalStackProcess.GATEWAY).withHeader("X-API-Key", "local-client-key");

    private static final Duration BACK_WITHIN = Duration.ofSeconds(120);
    private static final Pattern PID = Pattern.compile("pid=(\\d+)");
    private static final Path MAILBOX = LocalStackProcess.home().resolve(".local/mail");

    private Platform() {
    }

    /** The client app with a new session of the customer with this e-mail address. */
    static JsonApi customer(String email) {
        return session(email).api();
    }

    /** A customer's session: the client app acting for them, who they are, and the session token. */
    record Session(JsonApi api, UUID customerId, String token) {
    }

    /** A session of the customer with this e-mail address, opened as support staff do (the admin key). */
    static Session session(String email) {
        var session = ADMIN.post("/api/v1/admin/sessions", Map.of("email", email));
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        return new Session(CLIENT.withHeader("Authorization", "Bearer " + session.text("token")),
                UUID.fromString(session.text("customerId")), session.text("token"));
    }

    /** The mails the local stack's SMTP server received for this address, oldest first. */
    static List<String> mailsTo(String email) {
        return SmtpServer.messages(MAILBOX).stream().map(Platform::read).filter(mail -> mail.contains(email)).toList();
    }

    private static String read(Path mail) {
        try {
            return Files.readString(mail);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A hold's time runs out now, as at the end of its hold time: its lease key in Redis ends, and its place in the
     * expiry index the sweeper reads says it is due. The key is read once it has ended, so that Redis removes it and
     * announces its expiry at once: left alone, it waits for Redis's active expiry to pick it among every key with a
     * time to live, which took over 10 s once in CI with the keys earlier tests left. The key gets 20 ms, not 1: Redis
     * 6.2 deletes a key whose {@code PEXPIRE 1} sees the millisecond turn while it runs, announcing a {@code del} and
     * no expiry (1 key in about 1,000), and such a hold was freed only at its real end, minutes later.
     */
    static void endLease(String showId, String holdId) {
        String lease = "show:{" + showId + "}:holds:lease:" + holdId;
        assertThat(redis("PEXPIRE", lease, "20")).isEqualTo("1");
        redis("ZADD", "show:{" + showId + "}:holds:expiring", "XX", String.valueOf(System.currentTimeMillis()), holdId);
        try {
            Thread.sleep(25);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        assertThat(redis("EXISTS", lease)).isEqualTo("0");
    }

    /**
     * Waits until a waiting-line long poll is in progress on one of the stack's waiting-service instances, read from
     * their {@code ticketing.long.polls.open} gauges: a change from then on reaches the poll, whether it comes before
     * or after the poll begins to watch (it reads the entry again once watching).
     */
    static void awaitLongPoll() {
        List<JsonApi> instances = LocalStackProcess.instancePorts(8084).stream()
                .map(port -> new JsonApi("http://127.0.0.1:" + port)).toList();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> instances.stream().mapToDouble(instance -> instance
                        .get("/actuator/metrics/ticketing.long.polls.open").json()
                        .path("measurements").path(0).path("value").asDouble()).sum() >= 1);
    }

    /** A connection to one of the local stack's databases, for what no API shows. */
    static Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15432/" + name, "postgres", "postgres");
    }

    /**
     * Sends one command to the local stack's Redis: for what a customer cannot do, like losing everything or a
     * hold's time running out now. Answers as {@link RedisCommands} does ({@code OK}, {@code 1}, a bulk reply's text).
     */
    static String redis(String... command) {
        if (LocalStackProcess.REDIS_CLUSTER && command[0].equalsIgnoreCase("FLUSHALL")) {
            String reply = null;
            for (int port : InfraEndpoints.REDIS_CLUSTER_PORTS) {
                reply = RedisCommands.call(port, command);
            }
            return reply;
        }
        return RedisCommands.callFollowingMoves(InfraEndpoints.REDIS_PORT, command);
    }

    /**
     * A show on sale in a new city, cinema and hall of {@code rows} rows (A, B, ...) of {@code seatsPerRow} REGULAR
     * seats at {@code price} EUR, starting in {@code startsIn}; answered once its seat map can be read.
     */
    static String showOnSale(String title, int rows, int seatsPerRow, BigDecimal price, Duration startsIn) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String cityId = created(ADMIN.post("/api/v1/admin/cities", Map.of("name", "Testville " + tag, "country", "NL",
                "latitude", 52.0907, "longitude", 5.1214, "timeZone", "Europe/Amsterdam")));
        String cinemaId = created(ADMIN.post("/api/v1/admin/cinemas", Map.of("cityId", cityId, "name", "Cinema " + tag,
                "address", "Neude 11", "postalCode", "3512 AE", "latitude", 52.0930, "longitude", 5.1190)));
        List<Map<String, Object>> hall = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            List<Map<String, Object>> seats = new ArrayList<>();
            for (int number = 1; number <= seatsPerRow; number++) {
                seats.add(Map.of("number", number, "type", "REGULAR"));
            }
            hall.add(Map.of("row", String.valueOf((char) ('A' + row)), "seats", seats));
        }
        String hallId = created(ADMIN.post("/api/v1/admin/cinemas/" + cinemaId + "/halls",
                Map.of("name", "Zaal 1", "rows", hall)));
        String movieId = created(ADMIN.post("/api/v1/admin/movies", Map.of("title", title + " " + tag, "description",
                "A film made for the system tests", "durationMinutes", 120, "genre", "Drama", "language", "English",
                "releaseDate", "2020-01-01", "country", "US")));
        String showId = created(ADMIN.post("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                "startsAt", Instant.now().plus(startsIn).truncatedTo(ChronoUnit.MINUTES).toString(),
                "prices", List.of(Map.of("seatType", "REGULAR", "price", price, "currency", "EUR")))));
        await().atMost(Duration.ofSeconds(30)).until(() -> CLIENT.get("/api/v1/shows/" + showId + "/seats").status() == 200);
        return showId;
    }

    /** The id of what an admin request created; fails the test unless it answered 201. */
    static String created(JsonApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    /**
     * Kills the stack's process listening on {@code port} with SIGKILL, as a chaos test does, and waits until the
     * launcher has restarted it ({@code name} as the launcher calls it) and it listens again.
     */
    static void killAndAwaitRestart(LocalStackProcess stack, int port, String name) throws Exception {
        awaitRestart(stack, port, kill(port), name);
    }

    /** Kills the stack's process listening on {@code port} with SIGKILL; its pid. */
    static long kill(int port) throws IOException, InterruptedException {
        long pid = listener(port).orElseThrow(() -> new AssertionError("nothing listens on port " + port));
        new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start().waitFor();
        return pid;
    }

    /** Waits until the launcher has restarted the process {@code pid} that listened on {@code port}. */
    static void awaitRestart(LocalStackProcess stack, int port, long pid, String name) throws IOException {
        await().atMost(BACK_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(stack.launcherOutput()).contains(name + " is ready again");
            assertThat(listener(port)).isPresent().isNotEqualTo(OptionalLong.of(pid));
        });
        assertThat(stack.launcherOutput()).contains("!! " + name + " exited");
    }

    /** The pid of the process listening on the loopback port, as {@code ss} reports it. */
    private static OptionalLong listener(int port) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
        String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor();
        Matcher pid = PID.matcher(output);
        return pid.find() ? OptionalLong.of(Long.parseLong(pid.group(1))) : OptionalLong.empty();
    }
}
