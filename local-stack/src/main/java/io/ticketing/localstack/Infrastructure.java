package io.ticketing.localstack;

import io.ticketing.events.Topics;
import io.ticketing.localstack.infra.ElasticsearchServer;
import io.ticketing.localstack.infra.EmbeddedServer;
import io.ticketing.localstack.infra.PostgresServer;
import io.ticketing.localstack.infra.ProcessKiller;
import io.ticketing.localstack.infra.RedisCluster;
import io.ticketing.localstack.infra.RedisServer;
import io.ticketing.localstack.infra.SmtpServer;
import io.ticketing.localstack.infra.TraceCatcher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The infrastructure servers of the local stack on their fixed ports, started in parallel (start-up is
 * dominated by Elasticsearch, the others finish while it boots) and prepared for the services: one database
 * per service, every platform topic, a mail catcher that keeps every mail as a file and a trace catcher that keeps
 * every trace as one. Each server that
 * runs as a process of its own (all but the two catchers) can be handed to a {@link Supervisor}, which
 * restarts it when it dies.
 */
final class Infrastructure {

    private final StackLayout layout;
    private final PostgresServer postgres;
    /** One Redis, or a Redis Cluster ({@code --redis-cluster}). */
    private final EmbeddedServer redis;
    private final KafkaBrokerProcess kafka;
    private final ElasticsearchServer elasticsearch;
    private final SmtpServer smtp;
    private final TraceCatcher traces;
    private final Consumer<EmbeddedServer> onStarted;
    private final PrintStream out;
    private volatile boolean closed;

    /**
     * @param redisCluster a Redis Cluster of three nodes ({@link InfraEndpoints#REDIS_CLUSTER_PORTS}) instead of one
     *        Redis
     * @param kafkaFlags JVM flags appended to the Kafka broker's ({@code TICKETING_KAFKA_JAVA_OPTS})
     * @param onStarted called right after a server started, before it is used (records its pid)
     */
    Infrastructure(StackLayout layout, boolean redisCluster, List<String> kafkaFlags,
                   Consumer<EmbeddedServer> onStarted, PrintStream out) {
        this.layout = layout;
        this.postgres = new PostgresServer(layout.data("postgres"), InfraEndpoints.POSTGRES_PORT,
                layout.data().resolve("postgres-binaries"), layout.log("postgres"));
        this.redis = redisCluster
                ? new RedisCluster(layout.data("redis-cluster"), InfraEndpoints.REDIS_CLUSTER_PORTS, layout.logs())
                : new RedisServer(layout.data("redis"), InfraEndpoints.REDIS_PORT, layout.log("redis"));
        this.kafka = new KafkaBrokerProcess(layout.data("kafka"), InfraEndpoints.KAFKA_PORT,
                InfraEndpoints.KAFKA_CONTROLLER_PORT, layout.log("kafka"), kafkaFlags);
        this.elasticsearch = new ElasticsearchServer(layout.data("elasticsearch"),
                InfraEndpoints.ELASTICSEARCH_HTTP_PORT, InfraEndpoints.ELASTICSEARCH_TRANSPORT_PORT,
                layout.logs().resolve("elasticsearch"));
        this.smtp = new SmtpServer(layout.mail(), InfraEndpoints.SMTP_PORT);
        this.traces = new TraceCatcher(layout.traces(), InfraEndpoints.OTLP_PORT);
        this.onStarted = onStarted;
        this.out = out;
    }

    /**
     * Safety net behind the run registry: infrastructure processes of this project that the registry does
     * not know (the launcher was killed while they were still starting), recognised by the binaries under
     * our data directory in their command lines.
     *
     * @return how many were stopped
     */
    static int killUnrecordedLeftovers(StackLayout layout) {
        Duration grace = Duration.ofSeconds(10);
        String data = layout.data() + "/";
        return ProcessKiller.killAllMatching(grace, "-Des.path.home=" + data + "elasticsearch/")
                + ProcessKiller.killAllMatching(grace, data + "postgres-binaries/", "/bin/postgres")
                + ProcessKiller.killAllMatching(grace, data + "redis-binaries/redis-server")
                + ProcessKiller.killAllMatching(grace, KafkaBrokerProcess.marker(layout.data("kafka")));
    }

    /** Starts everything in parallel; the first failure is rethrown after the others have finished. */
    void start() {
        try (ExecutorService executor = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("infra-", 0).factory())) {
            CompletableFuture<Void> all = CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> start(elasticsearch), executor),
                    CompletableFuture.runAsync(() -> start(postgres), executor),
                    CompletableFuture.runAsync(() -> start(kafka), executor),
                    CompletableFuture.runAsync(() -> {
                        start(redis);
                        start(smtp);
                        start(traces);
                    }, executor));
            all.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Hands every server that runs as a process of its own to the supervisor. */
    void supervise(Supervisor supervisor) {
        supervisor.supervise(supervised(postgres, layout.log("postgres")));
        if (redis instanceof RedisCluster cluster) {
            // node by node: a node restarted with its data rejoins the cluster by itself
            cluster.servers().forEach(node -> supervisor.supervise(
                    supervised(node, layout.log("redis-" + node.port()))));
        } else {
            supervisor.supervise(supervised(redis, layout.log("redis")));
        }
        supervisor.supervise(supervised(kafka, layout.log("kafka")));
        supervisor.supervise(supervised(elasticsearch, layout.logs().resolve("elasticsearch").resolve("ticketing.log")));
    }

    /** Services first is the caller's job; this stops search, cache, mail, traces, broker, then the database. */
    void stop() {
        closed = true;
        for (EmbeddedServer server : List.of(elasticsearch, redis, smtp, traces, kafka, postgres)) {
            synchronized (server) {
                if (server.isRunning()) {
                    long started = System.nanoTime();
                    server.stop();
                    out.printf("  stopped %-13s (%.1f s)%n", server.name(), (System.nanoTime() - started) / 1e9);
                }
            }
        }
    }

    /** Start and stop lock the same monitor, so a stop during start-up waits and then stops it too. */
    private void start(EmbeddedServer server) {
        synchronized (server) {
            if (closed) {
                return;
            }
            long started = System.nanoTime();
            server.start();
            onStarted.accept(server);
            if (server instanceof RedisCluster cluster) {
                cluster.servers().forEach(onStarted);
            }
            prepare(server);
            out.printf("  %-13s ready (%.1f s)%n", server.name(), (System.nanoTime() - started) / 1e9);
        }
    }

    /** What the services need inside a server: their databases and topics (both kept across restarts). */
    private void prepare(EmbeddedServer server) {
        if (server == postgres) {
            ServiceSpec.databases().forEach(postgres::createDatabase);
        } else if (server == kafka) {
            kafka.createTopics(Topics.ALL, Topics.PARTITIONS);
        }
    }

    private Supervisor.Supervised supervised(EmbeddedServer server, Path log) {
        return new SupervisedServer(server, log, () -> closed, restarted -> {
            onStarted.accept(restarted);
            prepare(restarted);
        });
    }
}
