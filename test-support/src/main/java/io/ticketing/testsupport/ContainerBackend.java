package io.ticketing.testsupport;

import io.ticketing.localstack.infra.ElasticsearchDistribution;
import io.ticketing.localstack.infra.PostgresServer;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.TestInfrastructure.Elasticsearch;
import io.ticketing.testsupport.TestInfrastructure.Kafka;
import io.ticketing.testsupport.TestInfrastructure.Postgres;
import io.ticketing.testsupport.TestInfrastructure.Redis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers, when a Docker engine is reachable (CI, most laptops). Images match the embedded
 * servers' versions where possible; each can be overridden with {@code -Dticketing.test.image.<name>}
 * (postgres, redis, kafka, elasticsearch).
 */
final class ContainerBackend implements Backend {

    private final Map<Component, GenericContainer<?>> started = new EnumMap<>(Component.class);

    @Override
    public String description() {
        return "Testcontainers (Docker engine found)";
    }

    @Override
    public Postgres startPostgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(image("postgres", "postgres:17-alpine"))
                .withUsername(PostgresServer.USERNAME)
                .withPassword(PostgresServer.PASSWORD);
        container.withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=300");
        start(Component.POSTGRES, container);
        return new Postgres(container.getHost(), container.getMappedPort(5432), container.getUsername(), container.getPassword());
    }

    @Override
    public Redis startRedis() {
        if (Redis.clusterAsked()) {
            throw new UnsupportedOperationException("A test Redis Cluster runs on the embedded servers only: "
                    + "-Dticketing.test.infrastructure=embedded");
        }
        GenericContainer<?> container = new GenericContainer<>(image("redis", "redis:6.2-alpine"))
                .withExposedPorts(6379)
                .withCommand("redis-server", "--notify-keyspace-events", "Ex")
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
        start(Component.REDIS, container);
        return new Redis(container.getHost(), container.getMappedPort(6379));
    }

    /** A container restart would map a new port; flushing leaves the same empty Redis behind. */
    @Override
    public void restartRedisEmpty() {
        GenericContainer<?> container;
        synchronized (this) {
            container = started.get(Component.REDIS);
        }
        try {
            container.execInContainer("redis-cli", "FLUSHALL");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public Kafka startKafka() {
        KafkaContainer container = new KafkaContainer(image("kafka", "apache/kafka:" + AppInfoParser.getVersion()))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        start(Component.KAFKA, container);
        return new Kafka(container.getBootstrapServers());
    }

    @Override
    public Elasticsearch startElasticsearch() {
        String version = ElasticsearchDistribution.bundled().version();
        GenericContainer<?> container = new GenericContainer<>(
                image("elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch:" + version))
                .withExposedPorts(9200)
                .withEnv("discovery.type", "single-node")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("xpack.ml.enabled", "false")
                .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                .withEnv("action.destructive_requires_name", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow&timeout=1s")
                        .forPort(9200)
                        .forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        start(Component.ELASTICSEARCH, container);
        return new Elasticsearch("http://" + container.getHost() + ":" + container.getMappedPort(9200));
    }

    @Override
    public void stopAll() {
        List<GenericContainer<?>> containers;
        synchronized (this) {
            containers = TestInfrastructure.STOP_ORDER.stream().map(started::get).filter(Objects::nonNull).toList();
            started.clear();
        }
        containers.forEach(GenericContainer::stop);
    }

    private void start(Component component, GenericContainer<?> container) {
        container.start();
        synchronized (this) {
            started.put(component, container);
        }
    }

    private static DockerImageName image(String name, String defaultImage) {
        return DockerImageName.parse(System.getProperty("ticketing.test.image." + name, defaultImage));
    }
}
