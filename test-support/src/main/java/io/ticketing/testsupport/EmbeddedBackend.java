package io.ticketing.testsupport;

import io.ticketing.localstack.infra.ElasticsearchServer;
import io.ticketing.localstack.infra.EmbeddedServer;
import io.ticketing.localstack.infra.FileTrees;
import io.ticketing.localstack.infra.KafkaBroker;
import io.ticketing.localstack.infra.Ports;
import io.ticketing.localstack.infra.PostgresServer;
import io.ticketing.localstack.infra.RedisCluster;
import io.ticketing.localstack.infra.RedisServer;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.TestInfrastructure.Elasticsearch;
import io.ticketing.testsupport.TestInfrastructure.Kafka;
import io.ticketing.testsupport.TestInfrastructure.Postgres;
import io.ticketing.testsupport.TestInfrastructure.Redis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The local-stack launchers on random free ports in a temporary directory of this JVM (deleted on
 * exit), so tests never touch the data or ports of a running {@code ./ticketing up}. PostgreSQL
 * binaries are unpacked once into a shared cache under java.io.tmpdir, which saves seconds per test JVM.
 */
final class EmbeddedBackend implements Backend {

    /** The masters of a test Redis Cluster: enough for keys of one test to land on different nodes. */
    private static final int CLUSTER_NODES = 3;

    private final Map<Component, EmbeddedServer> started = new EnumMap<>(Component.class);
    private Path root;

    @Override
    public String description() {
        return "embedded servers from local-stack (no Docker engine found)";
    }

    @Override
    public Postgres startPostgres() {
        int port = Ports.freePort();
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "ticketing-test-cache", "postgres-binaries");
        PostgresServer server = new PostgresServer(root().resolve("postgres"), port, cache, root().resolve("postgres.log"));
        start(Component.POSTGRES, server);
        return new Postgres(server.host(), server.port(), server.username(), server.password());
    }

    @Override
    public Redis startRedis() {
        if (Redis.clusterAsked()) {
            List<Integer> ports = RedisCluster.freePorts(CLUSTER_NODES);
            RedisCluster cluster = new RedisCluster(root().resolve("redis-cluster"), ports, root());
            start(Component.REDIS, cluster);
            return new Redis(Ports.LOOPBACK, ports.getFirst(), cluster.nodes());
        }
        RedisServer server = new RedisServer(root().resolve("redis"), Ports.freePort());
        start(Component.REDIS, server);
        return new Redis(server.host(), server.port());
    }

    @Override
    public void restartRedisEmpty() {
        EmbeddedServer server;
        synchronized (this) {
            server = started.get(Component.REDIS);
        }
        if (server instanceof RedisCluster cluster) {
            cluster.restartEmpty();
        }
        else {
            ((RedisServer) server).restartEmpty();
        }
    }

    @Override
    public Kafka startKafka() {
        List<Integer> ports = Ports.freePorts(2);
        KafkaBroker server = new KafkaBroker(root().resolve("kafka"), ports.get(0), ports.get(1));
        start(Component.KAFKA, server);
        return new Kafka(server.bootstrapServers());
    }

    @Override
    public Elasticsearch startElasticsearch() {
        List<Integer> ports = Ports.freePorts(2);
        ElasticsearchServer server = new ElasticsearchServer(root().resolve("elasticsearch"), ports.get(0), ports.get(1));
        start(Component.ELASTICSEARCH, server);
        return new Elasticsearch(server.uri());
    }

    @Override
    public void stopAll() {
        List<EmbeddedServer> servers;
        synchronized (this) {
            servers = TestInfrastructure.STOP_ORDER.stream().map(started::get).filter(Objects::nonNull).toList();
            started.clear();
        }
        servers.forEach(EmbeddedServer::stop);
        synchronized (this) {
            if (root != null) {
                FileTrees.deleteQuietly(root);
                root = null;
            }
        }
    }

    private void start(Component component, EmbeddedServer server) {
        try {
            server.start();
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        synchronized (this) {
            started.put(component, server);
        }
    }

    /** World-traversable, because Elasticsearch runs as 'nobody' when the tests run as root. */
    private synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("ticketing-test-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }
}
