package io.ticketing.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch from the minimal {@code integ-test-zip} distribution, started as a daemon process.
 *
 * <p>Layout under {@code dataRoot}: the unpacked distribution ({@code elasticsearch-<version>/}, unpacked
 * once and reused), {@code data/}, {@code logs/}, {@code tmp/} and the pid file. Elasticsearch refuses to
 * run as root, so when this JVM is root the whole tree is handed to {@code nobody} and the server is
 * started through {@code runuser}. It runs on this JVM's own Java (ES_JAVA_HOME), with security and
 * machine learning off and a small heap with the serial collector: a development node, not a production
 * one.
 */
public final class ElasticsearchServer implements EmbeddedServer {

    private static final String UNPRIVILEGED_USER = "nobody";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String JAVA_OPTS = "-Xms256m -Xmx512m -XX:-AlwaysPreTouch -XX:TieredStopAtLevel=1";

    private final Path dataRoot;
    private final Path logsDir;
    private final int httpPort;
    private final int transportPort;
    private final ElasticsearchDistribution distribution;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private long pid = -1;

    /** Logs into {@code dataRoot/logs}. */
    public ElasticsearchServer(Path dataRoot, int httpPort, int transportPort) {
        this(dataRoot, httpPort, transportPort, dataRoot.resolve("logs"));
    }

    /** @param logsDir Elasticsearch's {@code path.logs}; handed to the unprivileged user like the data */
    public ElasticsearchServer(Path dataRoot, int httpPort, int transportPort, Path logsDir) {
        this.dataRoot = dataRoot.toAbsolutePath().normalize();
        this.logsDir = logsDir.toAbsolutePath().normalize();
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.distribution = ElasticsearchDistribution.bundled();
    }

    @Override
    public String name() {
        return "Elasticsearch";
    }

    @Override
    public synchronized void start() {
        if (pid > 0) {
            return;
        }
        killLeftovers();
        Ports.requireFree(httpPort, name());
        Ports.requireFree(transportPort, name() + " transport");
        try {
            Files.createDirectories(dataRoot);
            Path home = distribution.unpackInto(dataRoot);
            for (Path dir : List.of(dataDir(), logsDir(), tmpDir())) {
                Files.createDirectories(dir);
            }
            clearTemporaryFiles();
            writeConfiguration(home);
            if (isRoot()) {
                requireTraversableByOthers(dataRoot);
                requireTraversableByOthers(logsDir());
                run(List.of("chown", "-R", UNPRIVILEGED_USER + ":", dataRoot.toString(), logsDir().toString()));
            }
            launch(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not start (logs: " + logsDir() + ")", e);
        }
        pid = ProcessKiller.readPid(pidFile()).orElseThrow(
                () -> new IllegalStateException("Elasticsearch wrote no pid file, see " + logsDir()));
        awaitHealthy();
    }

    @Override
    public synchronized void stop() {
        OptionalLong running = pid > 0 ? OptionalLong.of(pid) : ProcessKiller.readPid(pidFile());
        running.ifPresent(p -> ProcessKiller.killIfOurs(p, STOP_GRACE, serverMarker()));
        pid = -1;
        Ports.awaitFree(httpPort, STOP_GRACE);
        Ports.awaitFree(transportPort, STOP_GRACE);
    }

    @Override
    public synchronized boolean isRunning() {
        return pid > 0;
    }

    @Override
    public synchronized Optional<ExternalProcess> externalProcess() {
        return pid > 0 ? Optional.of(new ExternalProcess(pid, serverMarker())) : Optional.empty();
    }

    /** Base URI of the REST API, e.g. {@code http://127.0.0.1:19200}. */
    public String uri() {
        return "http://" + Ports.LOOPBACK + ":" + httpPort;
    }

    private Path pidFile() {
        return dataRoot.resolve("elasticsearch.pid");
    }

    private Path dataDir() {
        return dataRoot.resolve("data");
    }

    private Path logsDir() {
        return logsDir;
    }

    private Path tmpDir() {
        return dataRoot.resolve("tmp");
    }

    /** Every Elasticsearch JVM started from our copy has it as its home on the command line. */
    private String serverMarker() {
        return "-Des.path.home=" + dataRoot.resolve(distribution.directoryName());
    }

    /** A server (or a still-starting CLI) that outlived a killed JVM: by pid file, then by command line. */
    private void killLeftovers() {
        boolean killed = ProcessKiller.killStale(pidFile(), STOP_GRACE, serverMarker());
        killed |= ProcessKiller.killAllMatching(STOP_GRACE, serverMarker()) > 0;
        if (killed) {
            LoggerFactory.getLogger(ElasticsearchServer.class).warn("Stopped an Elasticsearch left over by a previous run");
        }
    }

    private void writeConfiguration(Path home) throws IOException {
        String yaml = String.join("\n",
                "cluster.name: ticketing",
                "node.name: local",
                "path.data: " + quote(dataDir()),
                "path.logs: " + quote(logsDir()),
                "network.host: " + Ports.LOOPBACK,
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "xpack.ml.enabled: false",
                // a nearly full developer disk must not turn indices read-only
                "cluster.routing.allocation.disk.threshold_enabled: false",
                // lets tests clean up with wildcard index deletes
                "action.destructive_requires_name: false",
                "");
        Files.writeString(home.resolve("config/elasticsearch.yml"), yaml, StandardCharsets.UTF_8);
        Path jvmOptions = home.resolve("config/jvm.options");
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(jvmOptions, StandardCharsets.UTF_8)) {
            if (line.trim().equals("-XX:+UseG1GC")) {
                options.add("-XX:+UseSerialGC"); // ~170 MB less RSS than G1 on a 512 MB heap
            } else if (!line.startsWith("-Xlog:gc")) {
                options.add(line);
            }
        }
        Files.write(jvmOptions, options, StandardCharsets.UTF_8);
    }

    private void launch(Path home) throws IOException {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        command.addAll(List.of("env",
                "ES_JAVA_HOME=" + System.getProperty("java.home"),
                "ES_TMPDIR=" + tmpDir(),
                // the CLI JVM is short-lived: C1 only, and a class-data archive saves it about a second
                "CLI_JAVA_OPTS=-Djava.io.tmpdir=" + tmpDir() + " -XX:TieredStopAtLevel=1 -XX:+AutoCreateSharedArchive"
                        + " -XX:SharedArchiveFile=" + tmpDir().resolve("cli.jsa"),
                "ES_JAVA_OPTS=" + JAVA_OPTS,
                home.resolve("bin/elasticsearch").toString(), "-d", "-p", pidFile().toString()));
        Path startupLog = logsDir().resolve("startup.log");
        ProcessBuilder builder = new ProcessBuilder(Detached.command(command))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(startupLog.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("ES_") || name.equals("JAVA_HOME")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("CLI_JAVA_OPTS"));
        Process cli = builder.start();
        try {
            // with -d the CLI returns once the node has started (or failed to)
            if (!cli.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                cli.destroyForcibly();
                throw new IllegalStateException("Elasticsearch did not start within " + START_TIMEOUT + ", see " + startupLog);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Elasticsearch", e);
        }
        if (cli.exitValue() != 0) {
            throw new IllegalStateException("Elasticsearch failed to start (exit " + cli.exitValue() + "):\n"
                    + LogTail.of(startupLog, 15));
        }
    }

    /** The CLI leaves a directory per start in ES_TMPDIR; keep only the class-data archive. */
    private void clearTemporaryFiles() throws IOException {
        try (var entries = Files.list(tmpDir())) {
            entries.filter(path -> !path.getFileName().toString().endsWith(".jsa")).forEach(FileTrees::deleteQuietly);
        }
    }

    private void awaitHealthy() {
        URI health = URI.create(uri() + "/_cluster/health?wait_for_status=yellow&timeout=1s");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!isHealthy(health)) {
            if (!ProcessKiller.isAlive(pid)) {
                pid = -1;
                throw new IllegalStateException("Elasticsearch exited during start-up, see " + logsDir());
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("Elasticsearch not healthy within " + START_TIMEOUT + ", see " + logsDir());
            }
            Sleep.millis(200);
        }
    }

    private boolean isHealthy(URI health) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && (response.body().contains("\"status\":\"green\"") || response.body().contains("\"status\":\"yellow\""));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** {@code nobody} must be able to walk down to its own directory; say so clearly instead of failing deep inside ES. */
    private static void requireTraversableByOthers(Path dir) throws IOException {
        for (Path ancestor = dir.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (!Files.getPosixFilePermissions(ancestor).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("Elasticsearch runs as '" + UNPRIVILEGED_USER + "', which cannot enter "
                        + ancestor + " (no o+x permission); use a data directory below a world-traversable path "
                        + "or run: chmod o+x " + ancestor);
            }
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
    }

    private static String quote(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
