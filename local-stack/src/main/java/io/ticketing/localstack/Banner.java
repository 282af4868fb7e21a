package io.ticketing.localstack;

import java.io.PrintStream;

/**
 * What a developer needs after start-up: where to point the browser or curl, where each service's metrics are, and
 * where the logs are.
 */
final class Banner {

    static final String CLIENT_API_KEY = "local-client-key";
    static final String ADMIN_API_KEY = "local-admin-key";
    static final String SCANNER_API_KEY = "local-scanner-key";

    private Banner() {
    }

    static void print(PrintStream out, StackLayout layout, boolean infraOnly, Replicas replicas, boolean redisCluster,
            double startupSeconds) {
        String line = "=".repeat(72);
        out.println();
        out.println(line);
        out.printf(" %s in %.1f s%n", infraOnly ? "Ticketing infrastructure is up" : "Ticketing platform is up", startupSeconds);
        out.println();
        if (!infraOnly) {
            for (ServiceSpec gateway : replicas.of(ServiceSpec.GATEWAY)) {
                out.println(" Gateway        http://localhost:" + gateway.port() + "   health and metrics: "
                        + "http://localhost:" + gateway.managementPort() + "/actuator/health");
            }
            out.println(" API keys       client: " + CLIENT_API_KEY + "   admin: " + ADMIN_API_KEY + "   scanner: "
                    + SCANNER_API_KEY);
            out.println();
            out.printf(" %-49s%s%n", "Services", "metrics (Prometheus)");
            for (ServiceSpec service : replicas.instances()) {
                out.printf("   %-22s http://localhost:%d   http://localhost:%d/actuator/prometheus%n",
                        service.instanceName(), service.port(), service.managementPort());
            }
            out.println();
        }
        out.println(" Infrastructure");
        out.printf("   %-14s %s:%d  user %s / %s, databases %s%n", "PostgreSQL", InfraEndpoints.HOST,
                InfraEndpoints.POSTGRES_PORT, InfraEndpoints.POSTGRES_USERNAME, InfraEndpoints.POSTGRES_PASSWORD,
                String.join(", ", ServiceSpec.databases()));
        if (redisCluster) {
            out.printf("   %-14s %s%n", "Redis Cluster", InfraEndpoints.redisClusterNodes());
        } else {
            out.printf("   %-14s %s:%d%n", "Redis", InfraEndpoints.HOST, InfraEndpoints.REDIS_PORT);
        }
        out.printf("   %-14s %s%n", "Kafka", InfraEndpoints.kafkaBootstrapServers());
        out.printf("   %-14s %s%n", "Elasticsearch", InfraEndpoints.elasticsearchUri());
        out.printf("   %-14s %s:%d  catches every mail, see below%n", "SMTP", InfraEndpoints.HOST,
                InfraEndpoints.SMTP_PORT);
        out.printf("   %-14s %s  catches every trace (OTLP), see below%n", "Traces", InfraEndpoints.otlpTracesEndpoint());
        out.println();
        out.println(" Logs           " + layout.logs());
        out.println(" Mails sent     " + layout.mail() + "   (one .eml file each)");
        out.println(" Traces         http://localhost:" + InfraEndpoints.OTLP_PORT + "/traces   (the latest; "
                + layout.traces() + " has one .jsonl file each)");
        out.println(" Data           " + layout.data() + "   (./ticketing reset deletes it)");
        out.println();
        out.println(" A process that dies is restarted (1 s, 2 s, 4 s ... up to 30 s apart); restarts are reported");
        out.println(" here and in " + layout.log("local-stack") + ".");
        out.println(" Press Ctrl-C to stop everything.");
        out.println(line);
        out.flush();
    }
}
