package io.ticketing.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole local platform: infrastructure first, then (unless infra-only) every service, then supervision
 * of all of them ({@link Supervisor}): whatever dies afterwards is restarted. {@link #stop()} may be called at
 * any moment from the shutdown hook, also while {@link #start()} is still running on the main thread; it ends
 * supervision first, then stops services, then the infrastructure they use.
 */
final class Stack {

    private final boolean infraOnly;
    private final Replicas replicas;
    private final RunRegistry registry;
    private final Infrastructure infrastructure;
    private final ServiceProcesses services;
    private final Supervisor supervisor;
    private final PrintStream out;
    private volatile boolean stopping;
    private boolean stopped;

    /** @param redisCluster a Redis Cluster instead of one Redis, which the services are told of */
    Stack(StackLayout layout, boolean infraOnly, Replicas replicas, boolean redisCluster, RunRegistry registry,
            Map<String, String> environment, PrintStream out) {
        this.infraOnly = infraOnly;
        this.replicas = replicas;
        this.registry = registry;
        this.out = out;
        this.infrastructure = new Infrastructure(layout, redisCluster,
                JvmFlags.extra(environment.getOrDefault("TICKETING_KAFKA_JAVA_OPTS", "")),
                server -> server.externalProcess().ifPresent(registry::record), out);
        this.services = new ServiceProcesses(layout, replicas, redisCluster ? withRedisCluster(environment)
                : environment, registry::record, out);
        this.supervisor = new Supervisor(out, RestartBackoff::standard);
    }

    /** The services find the cluster from its nodes, unless told of another Redis. */
    private static Map<String, String> withRedisCluster(Map<String, String> environment) {
        Map<String, String> clustered = new HashMap<>(environment);
        clustered.putIfAbsent("TICKETING_REDIS_CLUSTER_NODES", InfraEndpoints.redisClusterNodes());
        return clustered;
    }

    /** Jars that must be built before {@link #start()} can succeed. */
    List<Path> missingJars() {
        return infraOnly ? List.of() : services.missingJars(ServiceSpec.ALL);
    }

    void start() {
        out.println("Starting infrastructure (PostgreSQL, Redis, Kafka, Elasticsearch, SMTP) ...");
        infrastructure.start();
        if (!infraOnly && !stopping) {
            out.println(replicas.scaledOut() ? "Starting services (" + replicas + ") ..." : "Starting services ...");
            registry.recordReplicas(replicas);
            for (int wave = 1; wave <= replicas.waves() && !stopping; wave++) {
                if (wave > 1) {
                    out.println("Starting instance " + wave + " of each service that has it ...");
                }
                services.startAll(replicas.wave(wave));
            }
            services.supervise(supervisor, replicas.instances());
        }
        infrastructure.supervise(supervisor);
    }

    boolean isStopping() {
        return stopping;
    }

    /** Idempotent; safe from any thread. Leaves no process and no listening port behind. */
    synchronized void stop() {
        stopping = true;
        if (stopped) {
            return;
        }
        stopped = true;
        long started = System.nanoTime();
        out.println();
        out.println("Stopping ...");
        supervisor.close();
        services.stopAll();
        infrastructure.stop();
        registry.release();
        out.printf("Stopped in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
}
