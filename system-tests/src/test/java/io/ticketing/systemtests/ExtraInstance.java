package io.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.ticketing.localstack.InfraEndpoints;
import io.ticketing.localstack.ServiceEnvironment;
import io.ticketing.localstack.ServiceSpec;
import io.ticketing.localstack.StackLayout;

/**
 * One more instance of a service next to the local stack's, on another port, sharing its databases, Kafka
 * consumer group and Redis: what running several replicas does. Started from the service's built jar with the
 * environment the launcher gives the stack's instance; stopped with SIGTERM like a pod.
 */
final class ExtraInstance implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final int port;

    private ExtraInstance(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the instance on {@code port}; a service whose management endpoints have a port of their own (the
     * gateway's, which the stack's gateway holds) gets the next port for them.
     */
    static ExtraInstance start(String service, int port) throws IOException {
        Path log = logFile(service + "-" + port);
        Map<String, String> ports = new HashMap<>(Map.of("SERVER_PORT", Integer.toString(port)));
        int managementPort = port;
        if (ServiceEnvironment.forService(spec(service), System.getenv()).containsKey("MANAGEMENT_SERVER_PORT")) {
            managementPort = port + 1;
            ports.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        }
        var builder = process(service, ports, log);
        var instance = new ExtraInstance(builder.start(), port);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
        await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(instance.process.isAlive()).as("%s on port %d is running (log: %s)", service, port, log).isTrue();
            try {
                return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            }
            catch (IOException ex) {
                return false;
            }
        });
        return instance;
    }

    /**
     * Starts the service's jar with the stack's environment changed by {@code overrides} and waits for it to exit, as
     * it must when it refuses to start: its exit code and everything it printed.
     */
    static Refused refusedStart(String service, Map<String, String> overrides) throws IOException, InterruptedException {
        Path log = logFile(service + "-refused");
        Process process = process(service, overrides, log).start();
        if (!process.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(service + " did not stop within " + READY_TIMEOUT + " (log: " + log + ")");
        }
        return new Refused(process.exitValue(), Files.readString(log));
    }

    record Refused(int exitCode, String output) {
    }

    private static Path logFile(String name) throws IOException {
        return Files.createDirectories(LocalStackProcess.home().resolve(".local/logs")).resolve(name + ".log");
    }

    /** The service's built jar, run as the launcher runs the stack's instance, with some of its environment changed. */
    private static ProcessBuilder process(String service, Map<String, String> overrides, Path log) {
        ServiceSpec spec = spec(service);
        Path home = LocalStackProcess.home();
        Path jar = new StackLayout(home).serviceJar(service);
        assertThat(jar).as("built jar").isRegularFile();
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = new HashMap<>(ServiceEnvironment.forService(spec, System.getenv()));
        if (LocalStackProcess.REDIS_CLUSTER) {
            environment.put("TICKETING_REDIS_CLUSTER_NODES", InfraEndpoints.redisClusterNodes());
        }
        environment.putAll(overrides);
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder;
    }

    private static ServiceSpec spec(String service) {
        return ServiceSpec.ALL.stream().filter(candidate -> candidate.name().equals(service)).findFirst().orElseThrow();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
