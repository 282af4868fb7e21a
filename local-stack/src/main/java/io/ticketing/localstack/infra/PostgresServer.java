package io.ticketing.localstack.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from zonky's embedded binaries, with a data directory that survives restarts (the local stack
 * keeps its data between runs; tests simply pass a fresh temporary directory).
 *
 * <p>The postmaster is started by {@code pg_ctl} and re-parented to init, so it outlives a JVM killed with
 * {@code kill -9}. {@link #start()} therefore stops a postmaster that still runs on the same data
 * directory before starting a new one. Zonky's own shutdown hook is disabled: the owner (launcher or test
 * support) decides the shutdown order, services before their database.
 */
public final class PostgresServer implements EmbeddedServer {

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Path dataDir;
    private final int port;
    private final Path binariesDir;
    private final Path logFile;
    private EmbeddedPostgres postgres;
    private long postmasterPid = -1;

    /** Unpacks the binaries next to the data directory and logs to {@code <dataDir>.log}. */
    public PostgresServer(Path dataDir, int port) {
        this(dataDir, port, dataDir.toAbsolutePath().resolveSibling("postgres-binaries"),
                dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + ".log"));
    }

    /**
     * @param binariesDir where the binaries are unpacked (reused across runs; may be shared by many servers)
     * @param logFile     the server log (appended)
     */
    public PostgresServer(Path dataDir, int port, Path binariesDir, Path logFile) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.binariesDir = binariesDir.toAbsolutePath().normalize();
        this.logFile = logFile.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        stopLeftoverPostmaster();
        Ports.requireFree(port, name());
        Path socketDir = dataDir.resolveSibling(dataDir.getFileName() + "-socket");
        try {
            Files.createDirectories(dataDir.getParent());
            Files.createDirectories(socketDir);
            Files.createDirectories(binariesDir);
            Files.createDirectories(logFile.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    .setServerConfig("unix_socket_directories", socketDir.toString())
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + " (log: " + logFile + ")", e);
        }
        postmasterPid = ProcessKiller.readPid(postmasterPidFile()).orElse(-1);
    }

    @Override
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("pg_ctl stop failed, killing the postmaster: {}", e.toString());
        }
        postgres = null;
        if (postmasterPid > 0 && ProcessKiller.isAlive(postmasterPid)) {
            ProcessHandle.of(postmasterPid).ifPresent(handle -> ProcessKiller.terminate(handle, STOP_GRACE));
        }
        postmasterPid = -1;
        Ports.awaitFree(port, STOP_GRACE);
    }

    @Override
    public synchronized boolean isRunning() {
        return postgres != null;
    }

    @Override
    public synchronized Optional<ExternalProcess> externalProcess() {
        return postmasterPid > 0 ? Optional.of(new ExternalProcess(postmasterPid, dataDir.toString())) : Optional.empty();
    }

    /** Creates the database unless it exists (idempotent). */
    public void createDatabase(String name) {
        PostgresDatabases.create(host(), port, USERNAME, PASSWORD, name);
    }

    public String jdbcUrl(String database) {
        return PostgresDatabases.jdbcUrl(host(), port, database);
    }

    public String host() {
        return Ports.LOOPBACK;
    }

    public int port() {
        return port;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    private Path postmasterPidFile() {
        return dataDir.resolve("postmaster.pid");
    }

    /**
     * A postmaster still running on our data directory is a leftover of a killed JVM: stop it quickly
     * (SIGINT is PostgreSQL's "fast" shutdown), escalate to SIGKILL for it and its backends if needed.
     */
    private void stopLeftoverPostmaster() {
        OptionalLong pid = ProcessKiller.readPid(postmasterPidFile());
        if (pid.isEmpty()) {
            return;
        }
        long leftover = pid.getAsLong();
        if (ProcessKiller.isOurs(leftover, "postgres", dataDir.toString())) {
            log.warn("Stopping a PostgreSQL left over by a previous run (pid {})", leftover);
            ProcessKiller.signal(leftover, "INT");
            if (!ProcessKiller.awaitExit(leftover, STOP_GRACE)) {
                ProcessHandle.of(leftover).ifPresent(handle -> ProcessKiller.terminate(handle, Duration.ZERO));
            }
        } else if (ProcessKiller.isAlive(leftover)
                && !ProcessKiller.commandLine(leftover).orElse("").contains("postgres")) {
            // the pid was reused by an unrelated process; PostgreSQL would refuse to start on this lock file
            try {
                Files.deleteIfExists(postmasterPidFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
