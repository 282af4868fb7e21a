package io.ticketing.localstack.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * Redis from the binary shipped in codemonstur's embedded-redis, persisted with an append-only file.
 *
 * <p>The binary comes from embedded-redis, but the process is managed here rather than by its
 * {@code RedisServer}: that class registers its own shutdown hook (which would stop Redis before the
 * services that use it) and wants to read the server's stdout; here the output goes straight to a log
 * file and the server writes a pid file, so a start after a crashed JVM can kill the leftover server.
 * Keyspace notifications for expired keys ({@code Ex}) are on, because holds expire through them.
 */
public final class RedisServer implements EmbeddedServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int LAUNCH_ATTEMPTS = 5;
    /** How long to watch for a failed exec: setsid fails at once, Redis itself takes longer to start. */
    private static final Duration EXEC_CHECK = Duration.ofMillis(100);
    /** setsid's (and a shell's) exit code when the command exists but cannot be executed. */
    private static final int CANNOT_EXECUTE = 126;

    private final Path dataDir;
    private final int port;
    private final Path logFile;
    private final boolean clusterNode;
    private Process process;

    /** Logs to {@code redis.log} inside the data directory. */
    public RedisServer(Path dataDir, int port) {
        this(dataDir, port, dataDir.resolve("redis.log"));
    }

    public RedisServer(Path dataDir, int port, Path logFile) {
        this(dataDir, port, logFile, false);
    }

    /** A node of a Redis Cluster ({@link RedisCluster}) when {@code clusterNode}, keeping its view in its data. */
    RedisServer(Path dataDir, int port, Path logFile, boolean clusterNode) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.logFile = logFile.toAbsolutePath().normalize();
        this.clusterNode = clusterNode;
    }

    @Override
    public String name() {
        return "Redis";
    }

    @Override
    public synchronized void start() {
        if (process != null) {
            return;
        }
        if (ProcessKiller.killStale(pidFile(), STOP_GRACE, "redis-server")) {
            LoggerFactory.getLogger(RedisServer.class).warn("Stopped a Redis left over by a previous run");
        }
        Ports.requireFree(port, name());
        for (int attempt = 1; !launched(); attempt++) {
            if (attempt == LAUNCH_ATTEMPTS) {
                throw new IllegalStateException("Redis could not be executed " + LAUNCH_ATTEMPTS + " times, see " + logFile);
            }
            Sleep.millis(200);
        }
        awaitReady();
    }

    /**
     * Extracts the binary and executes it. The binary is written just before: a process another thread forks at that
     * moment inherits the open file, and executing it then fails with "Text file busy" (setsid exits with 126),
     * which passes as soon as that process has exec'd. So that case answers false, to try again.
     */
    private boolean launched() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            Path config = writeConfig();
            Path binary = binary();
            process = new ProcessBuilder(Detached.command(List.of(binary.toString(), config.toString())))
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Text file busy")) {
                return false;
            }
            throw new UncheckedIOException("Redis did not start (log: " + logFile + ")", e);
        }
        try {
            if (process.waitFor(EXEC_CHECK.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == CANNOT_EXECUTE) {
                process = null;
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Redis", e);
        }
        return true;
    }

    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessKiller.terminate(process.toHandle(), STOP_GRACE);
        process = null;
        Ports.awaitFree(port, STOP_GRACE);
    }

    /**
     * Stops Redis, throws its data away and starts it again empty: what a restart without persistence or a
     * failover to an empty replica leaves behind. For tests of recovering from that.
     */
    public synchronized void restartEmpty() {
        stop();
        FileTrees.deleteQuietly(dataDir);
        start();
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null;
    }

    /** The marker is the extracted binary's path: Redis rewrites its process title but keeps that. */
    @Override
    public synchronized Optional<ExternalProcess> externalProcess() {
        return process == null ? Optional.empty() : Optional.of(new ExternalProcess(process.pid(), binaryDir().toString()));
    }

    @Override
    public synchronized Optional<Process> childProcess() {
        return Optional.ofNullable(process);
    }

    public String host() {
        return Ports.LOOPBACK;
    }

    public int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Whether the server answers PING (it answers -LOADING while replaying its append-only file). */
    public boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.LOOPBACK, port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return "+PONG".equals(in.readLine());
        } catch (IOException e) {
            return false;
        }
    }

    private Path pidFile() {
        return dataDir.resolve("redis.pid");
    }

    private Path writeConfig() throws IOException {
        String config = String.join("\n",
                "bind " + Ports.LOOPBACK,
                "port " + port,
                "daemonize no",
                "pidfile " + quote(pidFile()),
                "dir " + quote(dataDir),
                "logfile \"\"",
                "appendonly yes",
                // no RDB snapshots: the AOF is enough and snapshots fork the server (doubling its memory)
                "save \"\"",
                "notify-keyspace-events Ex",
                clusterNode ? "cluster-enabled yes\ncluster-config-file nodes.conf\ncluster-node-timeout 5000" : "",
                "");
        Path file = dataDir.resolve("redis.conf");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    /** Extracts the Linux binary next to the data directory (shared by servers with the same parent). */
    private Path binary() throws IOException {
        Path dir = binaryDir();
        Files.createDirectories(dir);
        return ExecutableProvider.newJarResourceProvider(dir.toFile()).get().toPath();
    }

    private Path binaryDir() {
        return dataDir.resolveSibling("redis-binaries");
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ping()) {
            if (!process.isAlive()) {
                process = null;
                throw new IllegalStateException("Redis exited during start-up, see " + logFile);
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("Redis did not answer PING within " + START_TIMEOUT + ", see " + logFile);
            }
            Sleep.millis(50);
        }
    }

    private static String quote(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
