package io.ticketing.localstack.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A Redis Cluster of the embedded binary on the loopback interface: a few masters, the 16,384 hash slots split evenly
 * among them, no replicas. What a managed cluster looks like to a client (keys routed by hash slot, {@code MOVED}
 * answers, a script refused when its keys span slots), for running the platform and its tests against one. Each node
 * keeps its view of the cluster in its data directory, so a restart finds the cluster formed; a node started empty
 * is given its slots and introduced again.
 */
public final class RedisCluster implements EmbeddedServer {

    /** The hash slots of a Redis Cluster. */
    static final int SLOTS = 16_384;
    /** Redis 6.2 talks to the other nodes on its own port plus this, which must be free too. */
    private static final int BUS_PORT_OFFSET = 10_000;
    private static final Duration FORMING_TIMEOUT = Duration.ofSeconds(30);

    private final List<RedisServer> nodes = new ArrayList<>();
    private final List<Integer> ports;
    private boolean running;

    /**
     * {@code ports.size()} masters, each with its data in {@code <dataDir>-<port>} (beside it, so that the binary is
     * shared with a single server's), logging to {@code redis-<port>.log} in {@code logDir}.
     */
    public RedisCluster(Path dataDir, List<Integer> ports, Path logDir) {
        this.ports = List.copyOf(ports);
        for (int port : ports) {
            nodes.add(new RedisServer(dataDir.resolveSibling(dataDir.getFileName() + "-" + port), port,
                    logDir.resolve("redis-" + port + ".log"), true));
        }
    }

    /** The nodes, each a server of its own: supervised and restarted one by one, they rejoin the cluster. */
    public List<RedisServer> servers() {
        return List.copyOf(nodes);
    }

    /**
     * Free ports for {@code count} nodes whose cluster bus ports (each plus 10,000) are free too: the system's
     * ephemeral range reaches above 55,535, where a bus port cannot be.
     */
    public static List<Integer> freePorts(int count) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            int port = Ports.freePort();
            if (port + BUS_PORT_OFFSET <= 65_535 && !Ports.isListening(port + BUS_PORT_OFFSET)) {
                ports.add(port);
            }
        }
        return ports;
    }

    @Override
    public String name() {
        return "Redis Cluster";
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        nodes.forEach(RedisServer::start);
        form();
        running = true;
    }

    /** Gives every node without slots its share, introduces every node to the first, and waits for the cluster. */
    private void form() {
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get(i);
            if (info(port).contains("cluster_slots_assigned:0")) {
                List<String> command = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
                IntStream.range(SLOTS * i / ports.size(), SLOTS * (i + 1) / ports.size())
                        .forEach(slot -> command.add(Integer.toString(slot)));
                RedisCommands.call(port, command.toArray(String[]::new));
            }
            if (i > 0) {
                RedisCommands.call(port, "CLUSTER", "MEET", Ports.LOOPBACK, Integer.toString(ports.getFirst()));
            }
        }
        long deadline = System.nanoTime() + FORMING_TIMEOUT.toNanos();
        while (!ports.stream().allMatch(port -> info(port).contains("cluster_state:ok")
                && info(port).contains("cluster_known_nodes:" + ports.size()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The Redis Cluster on ports " + ports + " did not form within "
                        + FORMING_TIMEOUT + ": " + info(ports.getFirst()));
            }
            Sleep.millis(100);
        }
    }

    private static String info(int port) {
        return RedisCommands.call(port, "CLUSTER", "INFO");
    }

    @Override
    public synchronized void stop() {
        nodes.forEach(RedisServer::stop);
        running = false;
    }

    /** Stops every node, throws their data away and forms the cluster again, empty, on the same ports. */
    public synchronized void restartEmpty() {
        stop();
        nodes.forEach(node -> FileTrees.deleteQuietly(node.dataDir()));
        start();
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** The nodes as {@code host:port}, what a client is given to find the cluster from. */
    public List<String> nodes() {
        return ports.stream().map(port -> Ports.LOOPBACK + ":" + port).toList();
    }
}
