package io.ticketing.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.ticketing.localstack.InfraEndpoints;
import io.ticketing.localstack.Replicas;
import io.ticketing.localstack.ServiceSpec;
import io.ticketing.testsupport.JsonApi;

/**
 * The platform under test: the local stack a developer already runs, or one started here with
 * {@code ./ticketing up} and stopped again at the end (SIGTERM, as Ctrl-C would).
 */
final class LocalStackProcess {

    static final String GATEWAY = "http://127.0.0.1:8080";
    /** The gateway's actuator: health and metrics, on a port the public API does not share. */
    static final String GATEWAY_MANAGEMENT = "http://127.0.0.1:9080";
    /**
     * Whether the stack runs Redis as a cluster ({@code -Dticketing.test.redis=cluster}: {@code ./ticketing up
     * --redis-cluster}).
     */
    static final boolean REDIS_CLUSTER = "cluster".equalsIgnoreCase(System.getProperty("ticketing.test.redis"));
    /**
     * How many instances of each service a stack started here runs: {@code -Dticketing.test.replicas} takes what
     * {@code ./ticketing up --replicas} does ({@code 2}, {@code reservation=3,gateway=2}); one of each by default.
     */
    static final Replicas REPLICAS = Replicas.parse(System.getProperty("ticketing.test.replicas", "1"));
    /**
     * Every port a stack started here listens on: every instance's service port and the gateways' management ports,
     * then PostgreSQL, Kafka, Elasticsearch, SMTP and Redis.
     */
    static final List<Integer> PORTS;

    static {
        List<Integer> ports = new ArrayList<>();
        for (ServiceSpec instance : REPLICAS.instances()) {
            ports.add(instance.port());
            if (instance.managementPort() != instance.port()) {
                ports.add(instance.managementPort());
            }
        }
        ports.addAll(List.of(15432, 19092, 19093, 19200, 19300, 13025));
        ports.addAll(REDIS_CLUSTER ? InfraEndpoints.REDIS_CLUSTER_PORTS : List.of(InfraEndpoints.REDIS_PORT));
        PORTS = List.copyOf(ports);
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final Path log;
    /** The variables this stack was started with beyond the launcher's defaults; empty for one already running. */
    private final Map<String, String> environment;

    private LocalStackProcess(Process process, Path log, Map<String, String> environment) {
        this.process = process;
        this.log = log;
        this.environment = Map.copyOf(environment);
    }

    private static LocalStackProcess shared;

    /** The one stack all system test classes of this JVM share. */
    static synchronized LocalStackProcess shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = startOrReuse();
        }
        return shared;
    }

    /**
     * The shared stack with these variables as well, for a test that needs the platform configured otherwise (a short
     * hold time): started with them when no stack runs yet; a stack started here without them is stopped and started
     * again with them. Either stays the shared one for the tests after (the shutdown check stops it). A stack that was
     * already running is returned as it is: the caller checks {@link #startedHere()}.
     */
    static synchronized LocalStackProcess sharedWith(Map<String, String> variables)
            throws IOException, InterruptedException {
        if (shared == null) {
            shared = gatewayReady() ? new LocalStackProcess(null, null, Map.of()) : start(variables);
            return shared;
        }
        if (!shared.startedHere() || shared.environment.entrySet().containsAll(variables.entrySet())) {
            return shared;
        }
        shared.stop();
        shared = start(variables);
        return shared;
    }

    private static LocalStackProcess startOrReuse() throws IOException, InterruptedException {
        if (gatewayReady()) {
            return new LocalStackProcess(null, null, Map.of());
        }
        return start(Map.of());
    }

    private static LocalStackProcess start(Map<String, String> variables) throws IOException, InterruptedException {
        Path home = home();
        Path log = Files.createDirectories(home.resolve(".local/logs")).resolve("system-tests-launcher.log");
        List<String> command = new ArrayList<>(List.of(home.resolve("ticketing").toString(), "up"));
        if (REDIS_CLUSTER) {
            command.add("--redis-cluster");
        }
        if (REPLICAS.scaledOut()) {
            command.addAll(List.of("--replicas", REPLICAS.toString()));
        }
        var launcher = new ProcessBuilder(command).directory(home.toFile());
        // the bad-input suite sends thousands of requests with one key: lift the per-key limit for this stack
        launcher.environment().put("TICKETING_GATEWAY_RATE_LIMITS_PER_KEY_REQUESTS_PER_SECOND", "100000");
        launcher.environment().put("TICKETING_GATEWAY_RATE_LIMITS_PER_KEY_BURST", "100000");
        // ... and per customer: the customer endpoints get hundreds of requests from one session
        launcher.environment().put("TICKETING_GATEWAY_RATE_LIMITS_PER_CUSTOMER_REQUESTS_PER_SECOND", "100000");
        launcher.environment().put("TICKETING_GATEWAY_RATE_LIMITS_PER_CUSTOMER_BURST", "100000");
        // the tests build their own fixtures; the demo catalog would slow the start and keep the seat services'
        // databases busy for minutes after it, which the "no database changed" checks cannot tell apart
        launcher.environment().put("TICKETING_CATALOG_DEMO_DATA_ENABLED", "false");
        launcher.environment().putAll(variables);
        Process process = launcher
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var stack = new LocalStackProcess(process, log, variables);
        stack.awaitReady();
        return stack;
    }

    /** The project's root directory, where {@code ./ticketing} and the stack's {@code .local} data live. */
    static Path home() {
        return Path.of(System.getProperty("ticketing.home", "..")).toAbsolutePath().normalize();
    }

    boolean startedHere() {
        return process != null;
    }

    /** Stops a stack started here the way an operator's Ctrl-C does, and waits until the launcher is gone. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The launcher did not stop within " + STOP_TIMEOUT);
        }
    }

    String launcherOutput() throws IOException {
        return log == null ? "" : Files.readString(log);
    }

    /**
     * The ports of every instance of the service whose first instance listens on {@code port}, that one first: those
     * listening now, one {@link ServiceSpec#INSTANCE_PORT_STEP} apart, as the launcher places them. A stack that was
     * already running may run any number of them ({@code --replicas}).
     */
    static List<Integer> instancePorts(int port) {
        List<Integer> ports = new ArrayList<>(List.of(port));
        int next = port + ServiceSpec.INSTANCE_PORT_STEP;
        while (ports.size() < ServiceSpec.MAX_INSTANCES && listening(next)) {
            ports.add(next);
            next += ServiceSpec.INSTANCE_PORT_STEP;
        }
        return ports;
    }

    static boolean listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("./ticketing up exited with " + process.exitValue() + ":\n" + tail());
            }
            if (launcherOutput().contains(GATEWAY.replace("127.0.0.1", "localhost")) && gatewayReady()) {
                return;
            }
            Thread.sleep(1000);
        }
        process.destroy();
        throw new AssertionError("The local stack was not ready within " + START_TIMEOUT + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = launcherOutput().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static boolean gatewayReady() {
        try {
            return new JsonApi(GATEWAY_MANAGEMENT).get("/actuator/health/readiness").status() == 200;
        }
        catch (RuntimeException ex) {
            return false;
        }
    }
}
