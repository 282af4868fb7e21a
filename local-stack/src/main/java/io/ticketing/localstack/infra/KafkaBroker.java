package io.ticketing.localstack.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft, combined broker and controller) running inside this JVM from the
 * {@code kafka_2.13} jars, ready in a few seconds. Tests run it in their own JVM; the local stack runs it in a
 * JVM of its own (the launcher's {@code kafka-broker} command), so that it can be killed and restarted alone.
 *
 * <p>The log directory is formatted on first use and kept afterwards, so topics and offsets survive a
 * restart of the local stack. Everything is sized for one broker (replication factor and min ISR 1) and
 * for a small machine (4 MB cleaner buffer, few threads, no initial rebalance delay).
 */
public final class KafkaBroker implements EmbeddedServer {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    @Override
    public String name() {
        return "Kafka";
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Ports.requireFree(port, name());
        Ports.requireFree(controllerPort, name() + " controller");
        QuietLogging.kafka();
        KafkaConfig config = KafkaConfig.fromProps(properties(), false);
        formatIfNeeded(config);
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            shutDown(starting);
            throw new IllegalStateException("Kafka did not start on port " + port, e);
        }
        server = starting;
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        shutDown(server);
        server = null;
        Ports.awaitFree(port, STOP_GRACE);
        Ports.awaitFree(controllerPort, STOP_GRACE);
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    /** Creates the missing topics (replication factor 1); existing ones are left alone. */
    public void createTopics(Collection<String> names, int partitions) {
        KafkaTopics.create(bootstrapServers(), names, partitions);
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + Ports.LOOPBACK + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port
                + "," + CONTROLLER_LISTENER + "://" + Ports.LOOPBACK + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        // one broker: every internal topic must make do with a single replica
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "10");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "true");
        // fast consumer start-up and a small footprint
        props.put("group.initial.rebalance.delay.ms", "0");
        // after a crash the restarted controller waits out the dead broker's session before it accepts
        // the new registration: 9 s by default, 3 s here
        props.put("broker.session.timeout.ms", "3000");
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("log.cleaner.dedupe.buffer.size", "4194304");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        props.put("num.recovery.threads.per.data.dir", "1");
        return props;
    }

    /** Formats the log directory once (the equivalent of {@code kafka-storage.sh format}). */
    private void formatIfNeeded(KafkaConfig config) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(config.logDirs())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format Kafka storage in " + dataDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dataDir, e);
        }
    }

    private static void shutDown(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(KafkaBroker.class).warn("Kafka shutdown failed: {}", e.toString());
        }
    }
}
