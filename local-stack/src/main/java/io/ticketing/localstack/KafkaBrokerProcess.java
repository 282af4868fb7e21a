package io.ticketing.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.jar.JarFile;

import org.slf4j.LoggerFactory;

import io.ticketing.localstack.infra.Detached;
import io.ticketing.localstack.infra.EmbeddedServer;
import io.ticketing.localstack.infra.ExternalProcess;
import io.ticketing.localstack.infra.KafkaBroker;
import io.ticketing.localstack.infra.KafkaTopics;
import io.ticketing.localstack.infra.LogTail;
import io.ticketing.localstack.infra.Ports;
import io.ticketing.localstack.infra.ProcessKiller;
import io.ticketing.localstack.infra.Sleep;

/**
 * The local stack's Kafka broker ({@link KafkaBroker}) in a JVM of its own, started from the launcher's own
 * classes with the hidden command {@code kafka-broker}. In its own process it can be killed, paused and
 * restarted from outside like every other part of the stack (a chaos test's {@code kill -9} of whatever listens
 * on port 19092), and the launcher's supervisor brings it back; inside the launcher it could only die with it.
 * Tests keep running {@link KafkaBroker} inside their own JVM.
 */
final class KafkaBrokerProcess implements EmbeddedServer {

    static final String COMMAND = "kafka-broker";

    /**
     * Small heap, serial GC, C1 only: the broker of a developer's machine, started in seconds. A benchmark appends
     * {@code -XX:TieredStopAtLevel=4} with {@code TICKETING_KAFKA_JAVA_OPTS}, as the services get C2 with {@code
     * TICKETING_SERVICE_JAVA_OPTS}.
     */
    private static final List<String> JVM_FLAGS = List.of("-Xms64m", "-Xmx384m", "-Xss512k", JvmFlags.SERIAL_COLLECTOR,
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
            "-Dlogback.configurationFile=kafka-broker-logback.xml");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** A controlled shutdown of a single broker takes a few seconds. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final List<String> extraFlags;
    private Process process;

    /** @param extraFlags JVM flags appended after the broker's own, so that one can override them (C2, say) */
    KafkaBrokerProcess(Path dataDir, int port, int controllerPort, Path logFile, List<String> extraFlags) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile.toAbsolutePath().normalize();
        this.extraFlags = List.copyOf(extraFlags);
    }

    /** The child JVM's side, {@code kafka-broker <data directory> <port> <controller port>}: runs until SIGTERM. */
    static int run(Path dataDir, int port, int controllerPort) {
        KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-shutdown"));
        try {
            broker.start();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(KafkaBrokerProcess.class).error("Kafka did not start", e);
            return 1;
        }
        LoggerFactory.getLogger(KafkaBrokerProcess.class).info("Kafka broker ready on {}", broker.bootstrapServers());
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    @Override
    public String name() {
        return "Kafka";
    }

    @Override
    public synchronized void start() {
        if (process != null) {
            return;
        }
        Ports.requireFree(port, name());
        Ports.requireFree(controllerPort, name() + " controller");
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(Detached.command(command()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start (log: " + logFile + ")", e);
        }
        awaitListening();
    }

    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessKiller.terminate(process.toHandle(), STOP_GRACE);
        process = null;
        Ports.awaitFree(port, STOP_GRACE);
        Ports.awaitFree(controllerPort, STOP_GRACE);
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null;
    }

    @Override
    public synchronized Optional<ExternalProcess> externalProcess() {
        return process == null ? Optional.empty() : Optional.of(new ExternalProcess(process.pid(), marker(dataDir)));
    }

    @Override
    public synchronized Optional<Process> childProcess() {
        return Optional.ofNullable(process);
    }

    /** {@code host:port} for clients. */
    String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    /** Creates the missing topics; also waits until the broker serves them. */
    void createTopics(Collection<String> names, int partitions) {
        KafkaTopics.create(bootstrapServers(), names, partitions);
    }

    /** What the broker's command line contains: only this project's broker on this data directory has it. */
    static String marker(Path dataDir) {
        return COMMAND + " " + dataDir.toAbsolutePath().normalize();
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmFlags.defaults(JVM_FLAGS, extraFlags));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Kafka still uses it
        }
        command.addAll(extraFlags);
        Optional<Path> launcherJar = launcherJar();
        if (launcherJar.isPresent()) {
            command.addAll(List.of("-jar", launcherJar.get().toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalStack.class.getName()));
        }
        command.addAll(List.of(COMMAND, dataDir.toString(), Integer.toString(port), Integer.toString(controllerPort)));
        return command;
    }

    /**
     * The launcher's executable jar when this JVM runs from it ({@code ./ticketing}); empty when the classes are on
     * a plain class path (tests, an IDE), which the child then gets as it is.
     */
    private static Optional<Path> launcherJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        try (JarFile jar = new JarFile(classPath)) {
            var manifest = jar.getManifest();
            boolean executable = manifest != null && manifest.getMainAttributes().getValue("Start-Class") != null;
            return executable ? Optional.of(Path.of(classPath).toAbsolutePath()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Ports.isListening(port)) {
            if (!process.isAlive()) {
                int code = process.exitValue();
                process = null;
                throw new IllegalStateException("Kafka exited with code " + code + " during start-up; last lines of "
                        + logFile + ":" + System.lineSeparator() + LogTail.of(logFile, 30));
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("Kafka did not listen on port " + port + " within " + START_TIMEOUT
                        + ", see " + logFile);
            }
            Sleep.millis(100);
        }
    }
}
