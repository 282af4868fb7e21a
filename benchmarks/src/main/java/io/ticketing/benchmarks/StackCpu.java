package io.ticketing.benchmarks;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * The CPU time each process of a stack on this machine has used, read from {@code /proc} so that a benchmark can say
 * where a request's CPU goes: snapshot before a phase, snapshot after, {@link CpuUse} between them.
 *
 * <p>The stack's parts are found by the port they listen on ({@link LocalProcesses}), the launcher as the parent of
 * the first part (the gateway). A part's time is that of its process and of every descendant that is not itself a
 * part — PostgreSQL forks a backend per connection, Elasticsearch's server runs under its command-line JVM — each
 * with the children it has reaped ({@code cutime}, {@code cstime}): a backend that exits during a phase moves its time
 * from the living to its parent's reaped children, and the sum does not lose it. The launcher, whose descendants are
 * the other parts, keeps only what is left: itself and helpers such as Elasticsearch's command-line JVM.
 */
public final class StackCpu {

    /** A part of the stack: its name in the printout and the TCP port its process listens on. */
    public record Part(String name, int port) {
    }

    /** The parts of the local stack ({@code local-stack}'s {@code ServiceSpec} and {@code InfraEndpoints}). */
    public static final List<Part> LOCAL_STACK = List.of(
            new Part("gateway-service", 8080), new Part("catalog-service", 8081),
            new Part("reservation-service", 8082), new Part("booking-service", 8083),
            new Part("waiting-service", 8084), new Part("payment-service", 8085),
            new Part("notification-service", 8086), new Part("Redis", 16379), new Part("Kafka broker", 19092),
            new Part("PostgreSQL", 15432), new Part("Elasticsearch", 19200));

    /**
     * Instance n of a service listens on its first instance's port + this·(n-1) (local-stack's {@code ServiceSpec}).
     */
    public static final int INSTANCE_PORT_STEP = 100;
    /** The most instances of one service the launcher starts (local-stack's {@code Replicas}). */
    public static final int MAX_INSTANCES = 9;

    /** The name of the services' parent process. */
    public static final String LAUNCHER = "launcher";

    /**
     * Clock ticks per second when {@code getconf CLK_TCK} cannot be asked: {@code USER_HZ}, which the kernel keeps at
     * 100 for user space on every architecture the stack runs on whatever its internal tick rate (checked on the
     * project's machines: {@code getconf CLK_TCK} prints 100).
     */
    private static final long USUAL_TICKS_PER_SECOND = 100;

    private final LocalProcesses processes;
    private final long ticksPerSecond;
    private final Map<String, Long> roots;
    private final List<String> missing;

    StackCpu(LocalProcesses processes, long ticksPerSecond, Map<String, Long> roots, List<String> missing) {
        this.processes = processes;
        this.ticksPerSecond = ticksPerSecond;
        this.roots = Collections.unmodifiableMap(new LinkedHashMap<>(roots));
        this.missing = List.copyOf(missing);
    }

    /**
     * Finds the parts listening now, and the launcher as the parent of the first of them. Two parts in one process
     * (a Kafka broker inside the launcher's JVM) are one root named after both.
     */
    public static StackCpu find(LocalProcesses processes, List<Part> parts, long ticksPerSecond) {
        Map<Long, List<String>> names = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Part part : parts) {
            OptionalLong pid = processes.listening(part.port());
            if (pid.isPresent()) {
                names.computeIfAbsent(pid.getAsLong(), any -> new ArrayList<>()).add(part.name());
            }
            else {
                missing.add(part.name());
            }
        }
        processes.listening(parts.getFirst().port())
                .ifPresent(first -> processes.parent(first)
                        .ifPresent(launcher -> {
                            if (launcher > 1) {
                                names.computeIfAbsent(launcher, any -> new ArrayList<>()).addFirst(LAUNCHER);
                            }
                        }));
        Map<String, Long> roots = new LinkedHashMap<>();
        names.forEach((pid, named) -> roots.put(String.join(" + ", named), pid));
        // the launcher last: it is what is left once the parts are counted
        roots.keySet().stream().filter(name -> name.startsWith(LAUNCHER)).toList()
                .forEach(name -> roots.put(name, roots.remove(name)));
        return new StackCpu(processes, ticksPerSecond, roots, missing);
    }

    /**
     * The local stack's parts on this machine, with this machine's clock ticks: every instance of a service that runs
     * several ({@code ./ticketing up --replicas}), instance n on its first instance's port + 100·(n-1), as a part of
     * its own ({@code reservation-service-2}); otherwise the launcher's share would count them.
     */
    public static StackCpu findLocalStack() {
        LocalProcesses processes = new LocalProcesses();
        return find(processes, withReplicas(LOCAL_STACK, port -> processes.listening(port).isPresent()),
                clockTicksPerSecond());
    }

    /** {@code parts}, each service followed by its further instances that {@code listening} finds. */
    static List<Part> withReplicas(List<Part> parts, IntPredicate listening) {
        List<Part> all = new ArrayList<>();
        for (Part part : parts) {
            all.add(part);
            if (part.name().endsWith("-service")) {
                for (int instance = 2; instance <= MAX_INSTANCES; instance++) {
                    int port = part.port() + INSTANCE_PORT_STEP * (instance - 1);
                    if (listening.test(port)) {
                        all.add(new Part(part.name() + "-" + instance, port));
                    }
                }
            }
        }
        return all;
    }

    /** The parts found, by name, with their pids, in the order of the printout. */
    public Map<String, Long> roots() {
        return new LinkedHashMap<>(roots);
    }

    /** The parts nothing listened for when the stack was looked at. */
    public List<String> missing() {
        return missing;
    }

    /** The CPU every part has used since it started, in clock ticks, read now. */
    public Snapshot snapshot() {
        long nanos = System.nanoTime();
        return new Snapshot(nanos, ticksByPart(processes.stats(), roots));
    }

    /** What each part used between two snapshots of this stack. */
    public CpuUse between(Snapshot before, Snapshot after) {
        Map<String, Double> millis = new LinkedHashMap<>();
        List<String> gone = new ArrayList<>();
        for (String part : roots.keySet()) {
            Long from = before.ticks().get(part);
            Long to = after.ticks().get(part);
            if (from == null || to == null || to < from) {
                gone.add(part);
            }
            else {
                millis.put(part, millis(to - from));
            }
        }
        return new CpuUse(millis, (after.nanos() - before.nanos()) / 1e6, gone);
    }

    public double millis(long ticks) {
        return ticks * 1000.0 / ticksPerSecond;
    }

    /**
     * The CPU time of the children this JVM has reaped, in ms: a load generator run as a child process and waited for
     * is in it from the moment it is reaped, and nowhere else after that.
     */
    public double reapedChildrenMillisOfThisProcess() {
        ProcessStat self = processes.stat(ProcessHandle.current().pid())
                .orElseThrow(() -> new IllegalStateException("Cannot read this JVM's /proc/<pid>/stat"));
        return millis(self.reapedChildrenUserTicks() + self.reapedChildrenSystemTicks());
    }

    /**
     * Each root's time: itself and its descendants, not entering another root's tree, each with its reaped children.
     * A root no longer among the processes is left out.
     */
    static Map<String, Long> ticksByPart(Map<Long, ProcessStat> stats, Map<String, Long> roots) {
        Map<Long, List<Long>> children = new HashMap<>();
        stats.values().forEach(stat -> children.computeIfAbsent(stat.parent(), any -> new ArrayList<>()).add(stat.pid()));
        Set<Long> rootPids = new HashSet<>(roots.values());
        Map<String, Long> ticks = new LinkedHashMap<>();
        roots.forEach((name, root) -> {
            if (stats.containsKey(root)) {
                ticks.put(name, treeTicks(root, stats, children, rootPids));
            }
        });
        return ticks;
    }

    private static long treeTicks(long root, Map<Long, ProcessStat> stats, Map<Long, List<Long>> children,
            Collection<Long> otherRoots) {
        long ticks = 0;
        Deque<Long> pending = new ArrayDeque<>(List.of(root));
        Set<Long> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            long pid = pending.pop();
            if (!seen.add(pid)) {
                continue;
            }
            ticks += stats.get(pid).ticksWithReapedChildren();
            for (long child : children.getOrDefault(pid, List.of())) {
                if (!otherRoots.contains(child)) {
                    pending.push(child);
                }
            }
        }
        return ticks;
    }

    /** {@code getconf CLK_TCK}, the unit of {@code /proc/<pid>/stat}'s times; 100 when it cannot be run. */
    public static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String output = new String(getconf.getInputStream().readAllBytes()).strip();
            if (getconf.waitFor(10, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(output);
            }
        }
        catch (IOException | NumberFormatException ex) {
            // no getconf: the usual value below
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return USUAL_TICKS_PER_SECOND;
    }

    /**
     * The parts' CPU since they started, in clock ticks, by name.
     *
     * @param nanos when it was read ({@link System#nanoTime()})
     */
    public record Snapshot(long nanos, Map<String, Long> ticks) {

        public Snapshot {
            ticks = Map.copyOf(ticks);
        }
    }
}
