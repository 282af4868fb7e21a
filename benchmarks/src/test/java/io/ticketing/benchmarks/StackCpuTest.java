package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fake {@code /proc} of a small stack: a launcher (100) with a gateway (200), a PostgreSQL (300) with two backends
 * (301, 302), and Elasticsearch's command-line JVM (400) whose child, the server (401), listens; an unrelated
 * process (900) besides. Times as Linux writes them, in clock ticks of 10 ms.
 */
class StackCpuTest {

    private static final List<StackCpu.Part> PARTS = List.of(new StackCpu.Part("gateway-service", 8080),
            new StackCpu.Part("PostgreSQL", 15432), new StackCpu.Part("Elasticsearch", 19200),
            new StackCpu.Part("Redis", 16379));

    @TempDir
    Path proc;

    private final List<String> tcp = new ArrayList<>(List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode"));

    @BeforeEach
    void stack() throws IOException {
        Files.createDirectories(proc.resolve("net"));
        listen(200, 8080, 5001);
        listen(300, 15432, 5002);
        listen(401, 19200, 5003);
        Files.write(proc.resolve("net/tcp"), tcp);
        stat(100, "java", 1, 500, 50, 7, 3);
        stat(200, "java", 100, 2_000, 300, 0, 0);
        stat(300, "postgres", 100, 40, 10, 100, 20);
        stat(301, "postgres: booking booking 127.0.0.1(40112) idle", 300, 30, 5, 0, 0);
        stat(302, "postgres: reservation (x) idle", 300, 60, 15, 0, 0);
        stat(400, "java", 100, 80, 20, 0, 0);
        stat(401, "java", 400, 900, 100, 0, 0);
        stat(900, "bash", 1, 12_345, 678, 0, 0);
    }

    @Test
    void findsThePartsByPortAndTheLauncherAsTheGatewaysParent() {
        StackCpu cpu = StackCpu.find(new LocalProcesses(proc), PARTS, 100);

        assertThat(cpu.roots()).containsExactly(Map.entry("gateway-service", 200L), Map.entry("PostgreSQL", 300L),
                Map.entry("Elasticsearch", 401L), Map.entry(StackCpu.LAUNCHER, 100L));
        assertThat(cpu.missing()).containsExactly("Redis");
    }

    @Test
    void countsEveryPartWithItsDescendantsAndReapedChildrenButNotOtherParts() {
        StackCpu cpu = StackCpu.find(new LocalProcesses(proc), PARTS, 100);

        Map<String, Long> ticks = cpu.snapshot().ticks();

        assertThat(ticks).containsEntry("gateway-service", 2_300L)
                // the postmaster, its reaped backends (100 + 20) and both living backends
                .containsEntry("PostgreSQL", 40 + 10 + 100 + 20 + 30 + 5 + 60 + 15L)
                .containsEntry("Elasticsearch", 1_000L)
                // itself with its reaped children, and the command-line JVM, which is not a part
                .containsEntry(StackCpu.LAUNCHER, 500 + 50 + 7 + 3 + 80 + 20L);
    }

    @Test
    void keepsABackendThatEndedAndCountsOneThatStartedBetweenSnapshots() throws IOException {
        StackCpu cpu = StackCpu.find(new LocalProcesses(proc), PARTS, 100);
        StackCpu.Snapshot before = cpu.snapshot();

        // 302 used 5 more ticks, ended and was reaped: its 80 are in the postmaster's cstime/cutime now
        Files.delete(proc.resolve("302/stat"));
        Files.delete(proc.resolve("302"));
        stat(300, "postgres", 100, 41, 10, 100 + 63, 20 + 17);
        stat(303, "postgres: booking booking 127.0.0.1(40130) idle", 300, 12, 3, 0, 0);
        stat(200, "java", 100, 2_150, 330, 0, 0);
        StackCpu.Snapshot after = new StackCpu.Snapshot(before.nanos() + 2_000_000_000L,
                cpu.snapshot().ticks());

        CpuUse use = cpu.between(before, after);

        assertThat(use.millis()).containsEntry("gateway-service", 1_800.0)
                .containsEntry("PostgreSQL", (1 + 5 + 15) * 10.0)
                .containsEntry("Elasticsearch", 0.0)
                .containsEntry(StackCpu.LAUNCHER, 0.0);
        assertThat(use.wallMillis()).isEqualTo(2_000.0);
        assertThat(use.total()).isEqualTo(2_010.0);
        assertThat(use.cores()).isCloseTo(1.005, within(1e-9));
        assertThat(use.gone()).isEmpty();
    }

    @Test
    void dividesEachPartsTimeByTheOperations() {
        var use = new CpuUse(new LinkedHashMap<>(Map.of("gateway-service", 1_800.0, "reservation-service", 600.0)),
                2_000, List.of());

        assertThat(use.perOperation(4_000)).containsEntry("gateway-service", 0.45)
                .containsEntry("reservation-service", 0.15);
        assertThat(use.totalPerOperation(4_000)).isEqualTo(0.6);
        assertThat(use.perOperation(0).get("gateway-service")).isNaN();
        assertThat(use.totalPerOperation(0)).isNaN();
    }

    @Test
    void countsEachFurtherInstanceOfAServiceAsAPartOfItsOwn() {
        var listening = Set.of(8182, 8282, 8180);

        assertThat(StackCpu.withReplicas(StackCpu.LOCAL_STACK, listening::contains))
                .extracting(StackCpu.Part::name).startsWith("gateway-service", "gateway-service-2", "catalog-service",
                        "reservation-service", "reservation-service-2", "reservation-service-3", "booking-service")
                .endsWith("Elasticsearch").hasSize(StackCpu.LOCAL_STACK.size() + 3);
        assertThat(StackCpu.withReplicas(StackCpu.LOCAL_STACK, port -> false)).isEqualTo(StackCpu.LOCAL_STACK);
    }

    @Test
    void convertsClockTicksToMilliseconds() {
        assertThat(StackCpu.find(new LocalProcesses(proc), PARTS, 100).millis(7)).isEqualTo(70.0);
        assertThat(StackCpu.find(new LocalProcesses(proc), PARTS, 250).millis(5)).isEqualTo(20.0);
    }

    @Test
    void leavesOutAPartWhoseProcessIsGone() throws IOException {
        StackCpu cpu = StackCpu.find(new LocalProcesses(proc), PARTS, 100);
        StackCpu.Snapshot before = cpu.snapshot();
        Files.delete(proc.resolve("200/stat"));

        CpuUse use = cpu.between(before, cpu.snapshot());

        assertThat(use.gone()).containsExactly("gateway-service");
        assertThat(use.millis()).doesNotContainKey("gateway-service").containsKey("PostgreSQL");
    }

    @Test
    void namesOneProcessAfterEveryPartItServes() throws IOException {
        // a Kafka broker inside the launcher's JVM, as the local stack once ran it
        tcp.add(socket(5004, 19092));
        Files.write(proc.resolve("net/tcp"), tcp);
        Files.createSymbolicLink(Files.createDirectories(proc.resolve("100/fd")).resolve("0"), Path.of("socket:[5004]"));

        StackCpu cpu = StackCpu.find(new LocalProcesses(proc),
                List.of(PARTS.get(0), new StackCpu.Part("Kafka broker", 19092)), 100);

        assertThat(cpu.roots()).containsExactly(Map.entry("gateway-service", 200L),
                Map.entry(StackCpu.LAUNCHER + " + Kafka broker", 100L));
    }

    private void listen(long pid, int port, int inode) throws IOException {
        tcp.add(socket(inode, port));
        Path fd = Files.createDirectories(proc.resolve(pid + "/fd"));
        Files.createSymbolicLink(fd.resolve("3"), Path.of("socket:[" + inode + "]"));
    }

    private static String socket(int inode, int port) {
        return String.format(Locale.ROOT, "   %d: 0100007F:%04X 00000000:0000 0A 00000000:00000000 00:00000000 "
                + "00000000     0        0 %d 1 0000000000000000 100 0 0 10 0", inode % 100, port, inode);
    }

    /** A {@code /proc/<pid>/stat} line of Linux 6 with these times; the other fields as a sleeping process has them. */
    private void stat(long pid, String command, long parent, long utime, long stime, long cutime, long cstime)
            throws IOException {
        Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(proc.resolve(pid + "/stat"), String.format(Locale.ROOT,
                "%d (%s) S %d %d %d 0 -1 4194560 5021 0 12 0 %d %d %d %d 20 0 31 0 1834 3829465088 61234 "
                        + "18446744073709551615 1 1 0 0 0 0 0 4096 16796879 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0%n",
                pid, command, parent, pid, pid, utime, stime, cutime, cstime));
    }
}
