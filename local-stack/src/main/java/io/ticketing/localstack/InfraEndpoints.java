package io.ticketing.localstack;

import java.util.List;

import io.ticketing.localstack.infra.Ports;
import io.ticketing.localstack.infra.PostgresServer;

/**
 * The fixed loopback ports of the local infrastructure. They deliberately avoid the defaults (5432,
 * 6379, 9092, 9200) so a developer's own PostgreSQL or Kafka never clashes with the stack.
 */
public final class InfraEndpoints {

    public static final String HOST = Ports.LOOPBACK;
    public static final int POSTGRES_PORT = 15432;
    public static final int REDIS_PORT = 16379;
    /** The nodes of the Redis Cluster of {@code ./ticketing up --redis-cluster}, the first on the usual port. */
    public static final List<Integer> REDIS_CLUSTER_PORTS = List.of(REDIS_PORT, REDIS_PORT + 1, REDIS_PORT + 2);
    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    public static final int ELASTICSEARCH_HTTP_PORT = 19200;
    public static final int ELASTICSEARCH_TRANSPORT_PORT = 19300;
    /** The mail catcher: every mail the services send ends up as a file in {@link StackLayout#mail()}. */
    public static final int SMTP_PORT = 13025;
    /** The trace catcher: OTLP over HTTP; every span ends up in a file of {@link StackLayout#traces()}. */
    public static final int OTLP_PORT = 14318;

    public static final String POSTGRES_USERNAME = PostgresServer.USERNAME;
    public static final String POSTGRES_PASSWORD = PostgresServer.PASSWORD;

    private InfraEndpoints() {
    }

    /** The Redis Cluster's nodes as {@code host:port,...}, what the services are given to find it. */
    public static String redisClusterNodes() {
        return String.join(",", REDIS_CLUSTER_PORTS.stream().map(port -> HOST + ":" + port).toList());
    }

    public static String kafkaBootstrapServers() {
        return HOST + ":" + KAFKA_PORT;
    }

    /** Where the services send their spans. */
    public static String otlpTracesEndpoint() {
        return "http://" + HOST + ":" + OTLP_PORT + "/v1/traces";
    }

    public static String elasticsearchUri() {
        return "http://" + HOST + ":" + ELASTICSEARCH_HTTP_PORT;
    }
}
