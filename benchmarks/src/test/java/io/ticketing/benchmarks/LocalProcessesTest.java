package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessesTest {

    /** As Linux writes it: a listener on 127.0.0.1:8083 (0x1F93), a connection from it, one on another port. */
    private static final List<String> TCP = List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:1F93 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 48213 1 0000000000000000 100 0 0 10 0",
            "   1: 0100007F:1F93 0100007F:B1C2 01 00000000:00000000 00:00000000 00000000     0        0 48990 1 0000000000000000 20 4 30 10 -1",
            "   2: 0100007F:4010 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 51000 1 0000000000000000 100 0 0 10 0");

    @TempDir
    Path proc;

    @Test
    void readsTheInodeOfTheSocketListeningOnAPort() {
        assertThat(LocalProcesses.listeningInodes(TCP, 8083)).containsExactly("48213");
        assertThat(LocalProcesses.listeningInodes(TCP, 16400)).containsExactly("51000");
        assertThat(LocalProcesses.listeningInodes(TCP, 8080)).isEmpty();
    }

    @Test
    void findsTheProcessHoldingTheListeningSocket() throws IOException {
        Files.createDirectories(proc.resolve("net"));
        Files.write(proc.resolve("net/tcp"), TCP);
        process(4711, "socket:[48990]", "/dev/null");
        process(4242, "pipe:[12]", "socket:[48213]");

        assertThat(new LocalProcesses(proc).listening(8083)).hasValue(4242);
        assertThat(new LocalProcesses(proc).listening(8080)).isEmpty();
    }

    @Test
    void readsStateAndParentAfterACommandNameWithBlanksAndParentheses() throws IOException {
        Files.createDirectories(proc.resolve("77"));
        Files.writeString(proc.resolve("77/stat"), "77 (java (worker) 1) T 12 77 77 0 -1 4194560 2069 0 0 0\n");

        var processes = new LocalProcesses(proc);

        assertThat(processes.stopped(77)).isTrue();
        assertThat(processes.parent(77)).hasValue(12);
        assertThat(processes.parent(78)).isEmpty();
    }

    @Test
    void readsCpuTimesAfterACommandNameWithBlanksAndParentheses() throws IOException {
        Files.createDirectories(proc.resolve("4242"));
        // a PostgreSQL backend as Linux writes it: utime 1234, stime 56, cutime 7, cstime 8 (fields 14 to 17)
        Files.writeString(proc.resolve("4242/stat"), "4242 (postgres: app (x) 127.0.0.1(51234) idle) S 300 300 300 0 -1 "
                + "4194560 912 0 0 0 1234 56 7 8 20 0 1 0 18421 229797888 3841 18446744073709551615 1 1 0 0 0 0 "
                + "0 4096 536872455 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n");

        ProcessStat stat = new LocalProcesses(proc).stat(4242).orElseThrow();

        assertThat(stat).isEqualTo(new ProcessStat(4242, 300, 1234, 56, 7, 8));
        assertThat(stat.ownTicks()).isEqualTo(1290);
        assertThat(stat.ticksWithReapedChildren()).isEqualTo(1305);
        assertThat(new LocalProcesses(proc).stat(4243)).isEmpty();
        assertThat(new LocalProcesses(proc).stats()).containsOnlyKeys(4242L);
    }

    @Test
    void findsTheChildrenOfAProcess() throws IOException {
        for (String stat : List.of("12 (java) S 1 12", "77 (redis-server) S 12 77", "78 (java) S 12 78",
                "90 (bash) S 77 90")) {
            String pid = stat.substring(0, stat.indexOf(' '));
            Files.createDirectories(proc.resolve(pid));
            Files.writeString(proc.resolve(pid + "/stat"), stat + " 0 -1 4194560\n");
        }

        var processes = new LocalProcesses(proc);

        assertThat(processes.children(12)).containsExactly(77L, 78L);
        assertThat(processes.children(78)).isEmpty();
    }

    private void process(long pid, String... descriptors) throws IOException {
        Path fd = Files.createDirectories(proc.resolve(pid + "/fd"));
        for (int number = 0; number < descriptors.length; number++) {
            Files.createSymbolicLink(fd.resolve(Integer.toString(number)), Path.of(descriptors[number]));
        }
    }
}
