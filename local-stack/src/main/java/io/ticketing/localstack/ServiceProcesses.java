package io.ticketing.localstack;

import io.ticketing.localstack.infra.Detached;
import io.ticketing.localstack.infra.ExternalProcess;
import io.ticketing.localstack.infra.FileTrees;
import io.ticketing.localstack.infra.LogTail;
import io.ticketing.localstack.infra.Ports;
import io.ticketing.localstack.infra.ProcessKiller;
import io.ticketing.localstack.infra.Sleep;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The services, each in its own JVM with JVM flags tuned for a small machine, started all at once and
 * polled until their readiness probe answers. A JVM per service keeps them as isolated as in production
 * (own heap, own logs, one can be restarted alone) at the cost of memory; the flags keep that cost down.
 */
final class ServiceProcesses {

    /**
     * Fast start-up and small footprint rather than peak throughput: C1 only (less CPU while seven JVMs
     * boot on two cores, smaller code cache), serial GC (no GC threads, least overhead on small heaps),
     * small heap and thread stacks. C2, with or without Java 25's AOT cache, needed twice the CPU to start and ran
     * slower than C1 for the first minute of load (benchmarks/README.md, "The JVM"). Extra flags can be appended with
     * {@code TICKETING_SERVICE_JAVA_OPTS}; one that names another collector replaces the serial one.
     */
    static final List<String> JVM_FLAGS = List.of(
            "-Xss512k", "-Xms64m", "-Xmx256m", JvmFlags.SERIAL_COLLECTOR, "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError", "-Xshare:auto");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** Begins the line a restart adds to the service's log, before the new process's output. */
    static final String RESTART_MARK = "==== restarted by the launcher at";
    /** Graceful shutdown (20 s) plus writing the class data sharing archive on the first exit after a build. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(45);

    private final StackLayout layout;
    private final Replicas replicas;
    private final Map<String, String> inheritedEnvironment;
    private final Consumer<ExternalProcess> onStarted;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    /** A daemon thread per wait: the common pool may have a single thread on a 2-core machine. */
    private final ExecutorService waiters =
            Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("service-", 0).factory());
    private final Map<ServiceSpec, Process> running = new LinkedHashMap<>();
    private boolean closed;
    private volatile boolean aborted;

    ServiceProcesses(StackLayout layout, Replicas replicas, Map<String, String> inheritedEnvironment,
                     Consumer<ExternalProcess> onStarted, PrintStream out) {
        this.layout = layout;
        this.replicas = replicas;
        this.inheritedEnvironment = Map.copyOf(inheritedEnvironment);
        this.onStarted = onStarted;
        this.out = out;
    }

    /** The jars that are not built yet; checked before anything starts so a missing build fails in a second. */
    List<Path> missingJars(List<ServiceSpec> services) {
        return services.stream().map(spec -> layout.serviceJar(spec.name())).filter(jar -> !Files.isRegularFile(jar)).toList();
    }

    /** Starts every service, then waits until all are ready; fails with the log tail of the first that dies. */
    void startAll(List<ServiceSpec> services) {
        for (ServiceSpec service : services) {
            start(service, false);
        }
        // fail as soon as one service dies rather than after all others are ready
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        List<CompletableFuture<Void>> readiness = new ArrayList<>();
        for (ServiceSpec service : services) {
            readiness.add(CompletableFuture.runAsync(() -> {
                        long started = System.nanoTime();
                        if (awaitReady(service)) {
                            out.printf("  %-22s ready on port %d (%.1f s)%n", service.instanceName(), service.port(),
                                    (System.nanoTime() - started) / 1e9);
                        }
                    }, waiters)
                    .whenComplete((ignored, failure) -> {
                        if (failure != null) {
                            aborted = true;
                            firstFailure.completeExceptionally(failure);
                        }
                    }));
        }
        try {
            CompletableFuture.anyOf(CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new)), firstFailure).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** SIGTERM to all (Spring Boot shuts down gracefully), SIGKILL to what is left after the grace period. */
    void stopAll() {
        List<Map.Entry<ServiceSpec, Process>> toStop;
        synchronized (this) {
            closed = true;
            toStop = List.copyOf(running.entrySet());
            running.clear();
        }
        List<CompletableFuture<Void>> stops = toStop.stream()
                .map(entry -> CompletableFuture.runAsync(() -> {
                    long started = System.nanoTime();
                    ProcessKiller.terminate(entry.getValue().toHandle(), STOP_GRACE);
                    out.printf("  stopped %-22s (%.1f s)%n", entry.getKey().instanceName(),
                            (System.nanoTime() - started) / 1e9);
                }, waiters))
                .toList();
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * The service's jar extracted (Spring Boot's {@code jarmode=tools}) into {@code .local/apps/<service>},
     * again whenever the built jar changes: classes then load from plain jars on the class path, which
     * class data sharing can archive, unlike classes from jars nested in the fat jar.
     */
    private Path extracted(ServiceSpec service) {
        Path jar = layout.serviceJar(service.name());
        Path directory = layout.local().resolve("apps").resolve(service.name());
        Path extracted = directory.resolve(jar.getFileName());
        Path source = directory.resolve("source.txt");
        try {
            String built = jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
            if (Files.isRegularFile(extracted) && Files.isRegularFile(source) && Files.readString(source).equals(built)) {
                return extracted;
            }
            FileTrees.delete(directory);
            Files.createDirectories(directory.getParent());
            Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", directory.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (extract.waitFor() != 0 || !Files.isRegularFile(extracted)) {
                throw new IllegalStateException("Cannot extract " + jar);
            }
            Files.writeString(source, built);
            return extracted;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + jar, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while extracting " + jar, e);
        }
    }

    /** Hands every running service to the supervisor, which restarts it when it dies. */
    void supervise(Supervisor supervisor, List<ServiceSpec> services) {
        for (ServiceSpec service : services) {
            supervisor.supervise(new Supervisor.Supervised() {

                @Override
                public String name() {
                    return service.instanceName();
                }

                @Override
                public Path log() {
                    return layout.log(service.instanceName());
                }

                @Override
                public OptionalInt awaitExit() throws InterruptedException {
                    Process process;
                    synchronized (ServiceProcesses.this) {
                        process = running.get(service);
                    }
                    if (process == null) {
                        return OptionalInt.empty();
                    }
                    try {
                        return OptionalInt.of(process.onExit().get().exitValue());
                    } catch (ExecutionException e) {
                        return OptionalInt.empty();
                    }
                }

                @Override
                public void restart() {
                    // a killed JVM's port is free at once; one that is still shutting down gets a moment
                    Ports.awaitFree(service.port(), STOP_GRACE);
                    Ports.awaitFree(service.managementPort(), STOP_GRACE);
                    startedOrStopped(() -> start(service, true), () -> awaitReady(service), () -> kill(service));
                }
            });
        }
    }

    /**
     * Starts a process and waits until it is ready; one that is not ready in time is killed before the failure is
     * reported. Left running, it became ready later and kept the port: the next attempt's process could not bind it and
     * exited, the launcher took the old one's readiness for the new one's, and the old one outlived the stack (seen in
     * the chaos audit on two instances, a restart that took over 180 s).
     */
    static void startedOrStopped(Runnable start, BooleanSupplier ready, Runnable kill) {
        start.run();
        boolean isReady;
        try {
            isReady = ready.getAsBoolean();
        } catch (RuntimeException e) {
            kill.run();
            throw e;
        }
        if (!isReady) {
            throw new IllegalStateException("the stack is stopping");
        }
    }

    /** Kills the service's process now, and waits until it is gone. */
    private void kill(ServiceSpec service) {
        Process process;
        synchronized (this) {
            process = running.get(service);
        }
        if (process != null) {
            ProcessKiller.terminate(process.toHandle(), Duration.ZERO);
        }
    }

    /**
     * A restart appends to the service's log, after a line that says so: what the service wrote before it died (why it
     * died) stays for whoever looks; a new stack starts each log afresh.
     */
    private void start(ServiceSpec service, boolean restart) {
        Path jar = extracted(service);
        Path log = layout.log(service.instanceName());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> extraFlags = JvmFlags.extra(inheritedEnvironment.getOrDefault("TICKETING_SERVICE_JAVA_OPTS", ""));
        command.addAll(JvmFlags.defaults(JVM_FLAGS, extraFlags));
        // class data sharing: written when the service's first instance first exits, it makes every later start of
        // any instance much faster; the other instances only read it, so that no two JVMs write one archive
        command.add("-XX:SharedArchiveFile=" + jar.resolveSibling("application.jsa"));
        if (service.instance() == 1) {
            command.add("-XX:+AutoCreateSharedArchive");
        }
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Netty and Kafka clients still use it
        }
        command.addAll(extraFlags);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(Detached.command(command))
                .directory(layout.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(restart ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(ServiceEnvironment.forService(service, inheritedEnvironment, replicas));
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the stack is stopping");
            }
            try {
                Files.createDirectories(log.getParent());
                if (restart) {
                    Files.writeString(log, String.format("%n%s %s%n", RESTART_MARK, Instant.now()),
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                Process process = builder.start();
                running.put(service, process);
                onStarted.accept(new ExternalProcess(process.pid(), jar.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + service.instanceName(), e);
            }
        }
    }

    /**
     * Waits until the service's readiness probe answers.
     *
     * @return false if the wait was abandoned because the stack is stopping
     */
    private boolean awaitReady(ServiceSpec service) {
        Process process;
        synchronized (this) {
            process = running.get(service);
        }
        if (process == null) {
            return false;
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!isReady(http, service)) {
            if (aborted || isClosed()) {
                return false; // another service failed, or the stack is being stopped
            }
            if (!process.isAlive()) {
                throw new ServiceFailedException(service, "exited with code " + process.exitValue(),
                        layout.log(service.instanceName()));
            }
            if (System.nanoTime() > deadline) {
                throw new ServiceFailedException(service, "not ready within " + READY_TIMEOUT.toSeconds() + " s",
                        layout.log(service.instanceName()));
            }
            Sleep.millis(250);
        }
        return !aborted;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Whether the service's readiness probe answers 200 now. */
    static boolean isReady(HttpClient http, ServiceSpec service) {
        URI readiness = URI.create("http://" + InfraEndpoints.HOST + ":" + service.managementPort()
                + "/actuator/health/readiness");
        try {
            HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A service that died or never became ready, with the end of its log so the cause is on screen. */
    static final class ServiceFailedException extends RuntimeException {

        ServiceFailedException(ServiceSpec service, String problem, Path log) {
            super(service.instanceName() + " " + problem + ". Last lines of " + log + ":" + System.lineSeparator()
                    + LogTail.of(log, 40));
        }
    }
}
