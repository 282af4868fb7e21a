package io.ticketing.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.ticketing.events.Topics;
import io.ticketing.localstack.infra.FileTrees;
import io.ticketing.localstack.infra.KafkaTopics;
import io.ticketing.localstack.infra.Ports;
import io.ticketing.localstack.infra.PostgresDatabases;
import io.ticketing.localstack.infra.SmtpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;

/**
 * Real PostgreSQL, Redis, Kafka, Elasticsearch and an SMTP server for integration tests.
 *
 * <p>Each component is started lazily, once per test JVM, on a random free port (so tests never clash
 * with each other's JVMs or with a running {@code ./ticketing up}) and stopped by a JVM shutdown hook.
 * With a reachable Docker engine they are Testcontainers; without one they are the local-stack
 * launchers, so the tests also run on machines where Docker is not available. Force a choice with
 * {@code -Dticketing.test.infrastructure=docker|embedded}.
 *
 * <p>Typical use in a Spring Boot test:
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.register(registry, "catalog", Component.POSTGRES, Component.KAFKA);
 * }
 * }</pre>
 */
public final class TestInfrastructure {

    /** Connection data of the PostgreSQL server; the database per test suite is created on demand. */
    public record Postgres(String host, int port, String username, String password) {

        public String jdbcUrl(String database) {
            return PostgresDatabases.jdbcUrl(host, port, database);
        }

        /** Creates the database unless it exists (idempotent, safe across threads and JVMs). */
        public void createDatabase(String database) {
            PostgresDatabases.create(host, port, username, password, database);
        }

        /**
         * Makes a database read-only, as a fail-over looks to the applications using it, or writable again. Its
         * sessions are ended, so every connection is opened anew with the setting (pools reconnect by themselves).
         */
        public void readOnly(String database, boolean readOnly) {
            administer(database, "ALTER DATABASE \"" + database + "\" "
                    + (readOnly ? "SET default_transaction_read_only = on" : "RESET default_transaction_read_only"));
        }

        private void administer(String database, String statement) {
            try (Connection connection = PostgresDatabases.connect(host, port, username, password, "postgres");
                    Statement alter = connection.createStatement();
                    PreparedStatement terminate = connection.prepareStatement(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                alter.execute(statement);
                terminate.setString(1, database);
                terminate.execute();
            }
            catch (SQLException ex) {
                throw new IllegalStateException(statement, ex);
            }
        }
    }

    /**
     * One Redis server, or a Redis Cluster ({@code -Dticketing.test.redis=cluster}, embedded servers only): then
     * {@code clusterNodes} are its nodes as {@code host:port}, and host and port those of the first.
     */
    public record Redis(String host, int port, List<String> clusterNodes) {

        public Redis(String host, int port) {
            this(host, port, List.of());
        }

        /** Whether the tests run against a Redis Cluster ({@code -Dticketing.test.redis=cluster}). */
        static boolean clusterAsked() {
            String choice = System.getProperty("ticketing.test.redis", "single").toLowerCase(Locale.ROOT);
            return switch (choice) {
                case "single" -> false;
                case "cluster" -> true;
                default -> throw new IllegalArgumentException("ticketing.test.redis must be single or cluster, not "
                        + choice);
            };
        }
    }

    /** A single-broker cluster; every platform topic ({@link Topics#ALL}) already exists. */
    public record Kafka(String bootstrapServers) {

        /** Creates missing topics (replication factor 1); existing ones are left alone. */
        public void createTopics(Collection<String> names, int partitions) {
            KafkaTopics.create(bootstrapServers, names, partitions);
        }
    }

    /** @param uri base URI of the REST API, e.g. {@code http://127.0.0.1:41234} */
    public record Elasticsearch(String uri) {
    }

    /**
     * The local stack's mail catcher, always inside this JVM (whichever backend runs the rest): every message it
     * receives becomes a {@code .eml} file in {@code mailbox}, which tests read.
     */
    public record Smtp(String host, int port, Path mailbox) {

        /** Every message received so far by this JVM's SMTP server, oldest first. */
        public List<Path> received() {
            return SmtpServer.messages(mailbox);
        }
    }

    public enum Component { POSTGRES, REDIS, KAFKA, ELASTICSEARCH, SMTP }

    /** The property that names the instances sharing their scheduled jobs' leases; each registration is its own. */
    public static final String JOB_LEASE_SCOPE = "ticketing.jobs.lease-scope";

    /** Services before what they depend on is not our concern here; search, cache, broker, database is. */
    static final List<Component> STOP_ORDER =
            List.of(Component.ELASTICSEARCH, Component.REDIS, Component.KAFKA, Component.POSTGRES);

    private static final Memo<Backend> BACKEND = new Memo<>(TestInfrastructure::chooseBackend);
    private static final Memo<Postgres> POSTGRES = new Memo<>(() -> BACKEND.get().startPostgres());
    private static final Memo<Redis> REDIS = new Memo<>(() -> BACKEND.get().startRedis());
    private static final Memo<Kafka> KAFKA = new Memo<>(() -> {
        Kafka kafka = BACKEND.get().startKafka();
        kafka.createTopics(Topics.ALL, Topics.PARTITIONS);
        return kafka;
    });
    private static final Memo<Elasticsearch> ELASTICSEARCH = new Memo<>(() -> BACKEND.get().startElasticsearch());
    private static final Memo<Smtp> SMTP = new Memo<>(TestInfrastructure::startSmtp);

    private TestInfrastructure() {
    }

    public static Postgres postgres() {
        return POSTGRES.get();
    }

    public static Redis redis() {
        return REDIS.get();
    }

    /**
     * Restarts the test Redis with no data, as a restart without persistence or a failover to an empty replica
     * would leave it; same host and port, so clients reconnect by themselves.
     */
    public static void restartRedisEmpty() {
        redis();
        BACKEND.get().restartRedisEmpty();
    }

    public static Kafka kafka() {
        return KAFKA.get();
    }

    public static Elasticsearch elasticsearch() {
        return ELASTICSEARCH.get();
    }

    public static Smtp smtp() {
        return SMTP.get();
    }

    /**
     * Registers the ticketing.* connection properties of the named components with Spring's test registry.
     * The components are started in parallel; for POSTGRES the {@code database} is created first.
     *
     * @param database the service's database; only used (and then required) with POSTGRES
     */
    public static void register(DynamicPropertyRegistry registry, String database, Component... components) {
        List<Component> requested = List.copyOf(Arrays.asList(components));
        if (requested.contains(Component.POSTGRES) && (database == null || database.isBlank())) {
            throw new IllegalArgumentException("POSTGRES needs the name of the database to create");
        }
        startInParallel(requested);
        for (Component component : requested) {
            switch (component) {
                case POSTGRES -> {
                    Postgres postgres = postgres();
                    postgres.createDatabase(database);
                    registry.add("ticketing.postgres.host", postgres::host);
                    registry.add("ticketing.postgres.port", postgres::port);
                    registry.add("ticketing.postgres.database", () -> database);
                    registry.add("ticketing.postgres.username", postgres::username);
                    registry.add("ticketing.postgres.password", postgres::password);
                    // each application started does its scheduled jobs itself: the test classes of a service share
                    // its database, and the contexts Spring keeps between them (configured apart) would otherwise do
                    // each other's jobs (JobLeases); instances that are to share their jobs are given one scope
                    String scope = UUID.randomUUID().toString();
                    registry.add(JOB_LEASE_SCOPE, () -> scope);
                }
                case REDIS -> {
                    Redis redis = redis();
                    registry.add("ticketing.redis.host", redis::host);
                    registry.add("ticketing.redis.port", redis::port);
                    if (!redis.clusterNodes().isEmpty()) {
                        registry.add("ticketing.redis.cluster.nodes", () -> String.join(",", redis.clusterNodes()));
                    }
                }
                case KAFKA -> registry.add("ticketing.kafka.bootstrap-servers", kafka()::bootstrapServers);
                case ELASTICSEARCH -> registry.add("ticketing.elasticsearch.uris", elasticsearch()::uri);
                case SMTP -> {
                    Smtp smtp = smtp();
                    registry.add("ticketing.mail.host", smtp::host);
                    registry.add("ticketing.mail.port", smtp::port);
                }
            }
        }
        // a test JVM ends all its applications at once: no requests to drain, so they stop without waiting
        registry.add("server.shutdown", () -> "immediate");
        registry.add("spring.lifecycle.timeout-per-shutdown-phase", () -> "3s");
        // a listener container stops once its consumer's poll returns: keep that short
        registry.add("spring.kafka.listener.poll-timeout", () -> "500ms");
    }

    private static void startInParallel(List<Component> components) {
        // platform threads: the starts block inside synchronized code, which pins virtual threads on JDK 21
        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().daemon().name("test-infrastructure-", 0).factory())) {
            List<CompletableFuture<Void>> starts = components.stream().distinct()
                    .map(component -> CompletableFuture.runAsync(() -> start(component), executor))
                    .toList();
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void start(Component component) {
        switch (component) {
            case POSTGRES -> postgres();
            case REDIS -> redis();
            case KAFKA -> kafka();
            case ELASTICSEARCH -> elasticsearch();
            case SMTP -> smtp();
        }
    }

    /** A few threads in this JVM; stopped, and its mailbox deleted, when the JVM exits. */
    private static Smtp startSmtp() {
        try {
            Path mailbox = Files.createTempDirectory("ticketing-test-mail-");
            SmtpServer server = new SmtpServer(mailbox, Ports.freePort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                FileTrees.deleteQuietly(mailbox);
            }, "test-smtp-shutdown"));
            return new Smtp(server.host(), server.port(), server.mailbox());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Testcontainers logs a long ERROR when it finds no Docker engine; here that is an expected outcome
     * (the embedded servers take over, as the INFO line says), so the probe runs with that logger off.
     */
    private static boolean isDockerAvailable() {
        String probeLogger = "org.testcontainers.dockerclient.DockerClientProviderStrategy";
        try {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
                Logger logger = context.getLogger(probeLogger);
                Level level = logger.getLevel();
                logger.setLevel(Level.OFF);
                try {
                    return DockerClientFactory.instance().isDockerAvailable();
                } finally {
                    logger.setLevel(level);
                }
            }
        } catch (LinkageError noLogback) {
            // another logging backend: just probe
        }
        return DockerClientFactory.instance().isDockerAvailable();
    }

    private static Backend chooseBackend() {
        String choice = System.getProperty("ticketing.test.infrastructure", "auto").toLowerCase(Locale.ROOT);
        Backend backend = switch (choice) {
            case "docker" -> new ContainerBackend();
            case "embedded" -> new EmbeddedBackend();
            case "auto" -> isDockerAvailable() ? new ContainerBackend() : new EmbeddedBackend();
            default -> throw new IllegalArgumentException(
                    "ticketing.test.infrastructure must be docker, embedded or auto, not " + choice);
        };
        LoggerFactory.getLogger(TestInfrastructure.class).info("Test infrastructure: {}", backend.description());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterApplications(backend),
                "test-infrastructure-shutdown"));
        return backend;
    }

    /**
     * Shutdown hooks run all at once: without waiting, the database would stop while Spring still closes the
     * test's application contexts, whose outbox asks the database for unfinished events and waits out the
     * connection timeout (30 s per test JVM).
     */
    private static void stopAfterApplications(Backend backend) {
        // the hooks are started one after the other: Spring's may not be running yet when this one looks
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        List<Thread> applications = List.of();
        while (applications.isEmpty() && System.nanoTime() < deadline) {
            applications = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook")).toList();
            if (applications.isEmpty()) {
                sleep(Duration.ofMillis(10));
            }
        }
        for (Thread application : applications) {
            try {
                application.join(Duration.ofSeconds(25));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        backend.stopAll();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
