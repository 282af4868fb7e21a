package io.ticketing.benchmarks.chaos;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.ticketing.benchmarks.LocalProcesses;

/**
 * Injects one fault and takes it back: signals to the process listening on the target's port, {@code ALTER
 * DATABASE} on the target's database, {@code FLUSHALL} on Redis. Whatever is to be undone is registered until it is,
 * so that {@link #restoreAll} (run on exit, also when the harness is interrupted) leaves no paused process and no
 * closed database behind.
 */
final class FaultInjector {

    /** What was done: when the fault began and ended, what it hit, or why it was skipped. */
    record Applied(Instant started, Instant ended, String note, boolean skipped) {

        static Applied skipped(String why) {
            Instant now = Instant.now();
            return new Applied(now, now, why, true);
        }
    }

    private static final Duration MEMBERSHIP_POLL = Duration.ofSeconds(2);

    private final LocalProcesses processes;
    private final Databases databases;
    private final Redis redis;
    private final KafkaGroups kafka;
    private final Instances instances;
    private final Map<String, Runnable> toRestore = new ConcurrentHashMap<>();
    private final Set<Long> launchers = ConcurrentHashMap.newKeySet();

    FaultInjector(LocalProcesses processes, Databases databases, Redis redis, KafkaGroups kafka, Instances instances) {
        this.processes = processes;
        this.instances = instances;
        this.databases = databases;
        this.redis = redis;
        this.kafka = kafka;
    }

    Applied apply(Fault fault) throws InterruptedException {
        try {
            return switch (fault.kind()) {
                case KILL_SERVICE -> kill(fault.port());
                case SERVICE_PAUSE -> pauseUntilRebalanced(fault);
                case DATABASE_READ_ONLY -> database(fault, true);
                case DATABASE_REFUSING -> database(fault, false);
                case REDIS_RESTART_EMPTY -> restartRedisEmpty();
                case REDIS_PAUSE -> pause(fault);
                case KAFKA_PAUSE -> {
                    Optional<String> inLauncher = brokerInLauncher();
                    yield inLauncher.isPresent() ? Applied.skipped(inLauncher.get()) : pause(fault);
                }
                case KAFKA_KILL -> brokerInLauncher().map(Applied::skipped)
                        .orElseGet(() -> kill(Component.KAFKA.port()));
            };
        }
        catch (SQLException | IOException | RuntimeException ex) {
            return Applied.skipped("could not inject: " + ex);
        }
    }

    private Applied kill(int port) {
        OptionalLong pid = target(port);
        if (pid.isEmpty()) {
            return Applied.skipped("no process of its own listens on port " + port);
        }
        processes.kill(pid.getAsLong());
        Instant now = Instant.now();
        return new Applied(now, now, "pid " + pid.getAsLong(), false);
    }

    private Applied pause(Fault fault) throws InterruptedException {
        OptionalLong found = target(fault.port());
        if (found.isEmpty()) {
            return Applied.skipped("no process of its own listens on port " + fault.port());
        }
        long pid = found.getAsLong();
        Instant started = stop(fault, pid);
        try {
            Thread.sleep(fault.length());
        }
        finally {
            restoreNow(fault.describe());
        }
        return new Applied(started, Instant.now(), "pid " + pid, false);
    }

    /**
     * Stops the service's instance until none of the members its consumer groups had is left in them (the broker gave
     * up on it after the session timeout and rebalanced), at most the fault's length; then lets it go on. Where the
     * service runs several instances, which members are the stopped one's is not known: its share of them must have
     * left (a half of two instances' members, and so on).
     */
    private Applied pauseUntilRebalanced(Fault fault) throws InterruptedException {
        Component service = fault.target();
        OptionalLong found = target(fault.port());
        if (found.isEmpty()) {
            return Applied.skipped("no process of its own listens on port " + fault.port());
        }
        Set<String> before;
        List<String> groups;
        try {
            groups = kafka.groupsOf(service);
            before = kafka.members(groups).values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        }
        catch (KafkaGroups.KafkaUnavailable ex) {
            groups = List.of();
            before = Set.of();
        }
        long pid = found.getAsLong();
        Instant started = stop(fault, pid);
        String note;
        try {
            Instant deadline = started.plus(fault.length());
            Instant rebalanced = null;
            while (rebalanced == null && Instant.now().isBefore(deadline)) {
                Thread.sleep(MEMBERSHIP_POLL);
                rebalanced = gone(groups, before, instances.of(service)) ? Instant.now() : null;
            }
            note = before.isEmpty() ? "no consumer group members found: paused for " + fault.length().toSeconds() + " s"
                    : rebalanced == null ? "its " + groups.size() + " groups did not rebalance within "
                            + fault.length().toSeconds() + " s"
                    : "its " + groups.size() + " groups rebalanced without it after "
                            + Duration.between(started, rebalanced).toSeconds() + " s";
        }
        finally {
            restoreNow(fault.describe());
        }
        return new Applied(started, Instant.now(), note, false);
    }

    /**
     * Whether one instance's share of these members (all of them for one instance) is no longer in the groups; false
     * while Kafka cannot say.
     */
    private boolean gone(List<String> groups, Set<String> members, int instances) {
        if (members.isEmpty()) {
            return false;
        }
        try {
            Set<String> now = kafka.members(groups).values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            long left = members.stream().filter(member -> !now.contains(member)).count();
            return left >= Math.max(1, members.size() / instances);
        }
        catch (KafkaGroups.KafkaUnavailable ex) {
            return false;
        }
    }

    private Applied database(Fault fault, boolean readOnly) throws SQLException, InterruptedException {
        if (processes.listening(fault.target().port()).isEmpty()) {
            return Applied.skipped(fault.target().label() + " is not running (nothing listens on port "
                    + fault.target().port() + "): nothing would notice");
        }
        String database = fault.target().database().orElseThrow();
        String key = fault.describe();
        Runnable restore = () -> {
            try {
                if (readOnly) {
                    databases.readOnly(database, false);
                }
                else {
                    databases.allowConnections(database, true);
                }
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Could not restore database " + database + ": " + ex, ex);
            }
        };
        toRestore.put(key, restore);
        Instant started;
        try {
            if (readOnly) {
                databases.readOnly(database, true);
            }
            else {
                databases.allowConnections(database, false);
            }
            started = Instant.now();
            Thread.sleep(fault.length());
        }
        finally {
            restoreNow(key);
        }
        return new Applied(started, Instant.now(), "database " + database, false);
    }

    /**
     * Redis loses everything and dies: {@code FLUSHALL} (written to its append-only file within a second), then
     * {@code kill -9}. Restarted from that file, it comes back empty. On a Redis Cluster ({@code ./ticketing up
     * --redis-cluster}) this is the node at the Redis port, one of three: it loses the keys of its slots only, and
     * comes back with its place in the cluster, which it keeps apart ({@code nodes.conf}).
     */
    private Applied restartRedisEmpty() throws IOException, InterruptedException {
        OptionalLong pid = target(Component.REDIS.port());
        if (pid.isEmpty()) {
            return Applied.skipped("no process of its own listens on port " + Component.REDIS.port());
        }
        Instant started = Instant.now();
        redis.command("FLUSHALL");
        Thread.sleep(1_500);
        processes.kill(pid.getAsLong());
        return new Applied(started, Instant.now(), "pid " + pid.getAsLong(), false);
    }

    /**
     * Why the broker cannot be paused or killed alone: it runs inside the launcher's JVM (the parent of the
     * services), where stopping it would stop the launcher; empty when it runs in a process of its own.
     */
    private Optional<String> brokerInLauncher() {
        OptionalLong broker = processes.listening(Component.KAFKA.port());
        if (broker.isEmpty()) {
            return Optional.of("nothing listens on port " + Component.KAFKA.port());
        }
        long pid = broker.getAsLong();
        String why = null;
        if (launchers.contains(pid)) {
            why = "the parent of the services when the run began";
        }
        else if (!processes.children(pid).isEmpty()) {
            why = "it has child processes " + processes.children(pid);
        }
        return why == null ? Optional.empty() : Optional.of("the broker runs inside the launcher's JVM (pid " + pid
                + ", " + why + "): stopping it would stop the launcher");
    }

    /**
     * Remembers the launcher: the parent of every service running now. Called before any fault, while the services
     * run, so that the broker is recognised as the launcher even after the services it started have died.
     */
    void recordLaunchers() {
        for (Component service : Component.services()) {
            processes.listening(service.port()).ifPresent(pid -> processes.parent(pid).ifPresent(launchers::add));
        }
    }

    /**
     * The process to signal for a component: the one listening on its port, unless that is the launcher (which the
     * harness never stops: a component running inside it cannot be stopped alone).
     */
    private OptionalLong target(int port) {
        OptionalLong pid = processes.listening(port);
        return pid.isPresent() && launchers.contains(pid.getAsLong()) ? OptionalLong.empty() : pid;
    }

    /** Where the Kafka broker runs, for the printout. */
    String brokerPlacement() {
        OptionalLong broker = processes.listening(Component.KAFKA.port());
        return broker.isEmpty() ? "not found" : brokerInLauncher().map(why -> "inside the launcher (pid "
                + broker.getAsLong() + "): Kafka faults are skipped").orElse("its own process (pid " + broker.getAsLong() + ")");
    }

    private Instant stop(Fault fault, long pid) {
        toRestore.put(fault.describe(), () -> processes.resume(pid));
        processes.pause(pid);
        return Instant.now();
    }

    /** Undoes one registered fault, trying again for a while if the undo fails (a database busy restarting). */
    private void restoreNow(String key) {
        Runnable restore = toRestore.get(key);
        if (restore == null) {
            return;
        }
        RuntimeException failure = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                restore.run();
                toRestore.remove(key);
                return;
            }
            catch (RuntimeException ex) {
                failure = ex;
                try {
                    Thread.sleep(1_000);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw failure == null ? new IllegalStateException("Could not undo " + key) : failure;
    }

    /** Undoes every fault still in force: on exit, whatever way the harness ends. Returns what it undid. */
    List<String> restoreAll() {
        List<String> restored = new ArrayList<>();
        for (String key : List.copyOf(toRestore.keySet())) {
            try {
                restoreNow(key);
                restored.add(key);
            }
            catch (RuntimeException ex) {
                restored.add(key + " FAILED: " + ex.getMessage());
            }
        }
        return restored;
    }

    /** Stack processes stopped by a signal (by an earlier harness that was killed), sent SIGCONT. */
    List<String> resumeStopped() {
        List<String> resumed = new ArrayList<>();
        for (Component component : Component.values()) {
            for (int instance = 1; instance <= instances.of(component); instance++) {
                OptionalLong pid = processes.listening(component.port(instance));
                if (pid.isPresent() && processes.stopped(pid.getAsLong())) {
                    processes.resume(pid.getAsLong());
                    resumed.add(component.label(instance) + " (pid " + pid.getAsLong() + ")");
                }
            }
        }
        return resumed;
    }
}
