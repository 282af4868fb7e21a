package io.ticketing.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The processes of the local stack, found the way an operator would with {@code ss -ltnp}: by the port they listen
 * on ({@code /proc/net/tcp*} gives the listening socket's inode, {@code /proc/<pid>/fd} the process holding it), never
 * by the launcher's own pid files or process names, which change as the launcher does. Signals go through
 * {@code kill}, as an operator's would. Shared by the chaos audit (which signals them) and {@link StackCpu} (which
 * reads their CPU times).
 */
public final class LocalProcesses {

    /** The TCP state {@code LISTEN} in {@code /proc/net/tcp}. */
    private static final String LISTEN = "0A";

    private final Path proc;

    public LocalProcesses() {
        this(Path.of("/proc"));
    }

    /** @param proc the {@code /proc} tree to read: the real one, or a fake one in a test */
    public LocalProcesses(Path proc) {
        this.proc = proc;
    }

    /** The process listening on this TCP port of any local address; empty when none does (or it cannot be seen). */
    public OptionalLong listening(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            try {
                inodes.addAll(listeningInodes(Files.readAllLines(proc.resolve(table)), port));
            }
            catch (IOException ex) {
                // no IPv6 table on this machine: nothing listens there
            }
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        Set<String> sockets = new HashSet<>();
        inodes.forEach(inode -> sockets.add("socket:[" + inode + "]"));
        // several processes may share an inherited socket: the oldest (lowest pid) is the one that opened it
        TreeSet<Long> holders = new TreeSet<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path process : processes) {
                if (holds(process, sockets)) {
                    holders.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        }
        catch (IOException ex) {
            return OptionalLong.empty();
        }
        return holders.isEmpty() ? OptionalLong.empty() : OptionalLong.of(holders.first());
    }

    /** The inodes of the sockets listening on {@code port}, from the lines of {@code /proc/net/tcp} or {@code tcp6}. */
    static Set<String> listeningInodes(List<String> table, int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        Set<String> inodes = new HashSet<>();
        for (String line : table) {
            String[] fields = line.strip().split("\\s+");
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
            if (fields.length < 10 || !fields[0].endsWith(":")) {
                continue;
            }
            if (fields[1].toUpperCase(Locale.ROOT).endsWith(hexPort) && LISTEN.equals(fields[3]) && !"0".equals(fields[9])) {
                inodes.add(fields[9]);
            }
        }
        return inodes;
    }

    private static boolean holds(Path process, Set<String> sockets) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    if (sockets.contains(Files.readSymbolicLink(descriptor).toString())) {
                        return true;
                    }
                }
                catch (IOException ex) {
                    // closed meanwhile
                }
            }
        }
        catch (IOException | SecurityException ex) {
            // the process ended meanwhile, or is not ours to look at
        }
        return false;
    }

    /** The parent of a process, from {@code /proc/<pid>/stat}; empty when it is gone. */
    public OptionalLong parent(long pid) {
        return statOf(pid).map(fields -> OptionalLong.of(Long.parseLong(fields.get(1)))).orElse(OptionalLong.empty());
    }

    /** The processes whose parent this one is: a launcher has some, a broker of its own has none. */
    public List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path process : processes) {
                long child = Long.parseLong(process.getFileName().toString());
                if (parent(child).orElse(-1) == pid) {
                    children.add(child);
                }
            }
        }
        catch (IOException ex) {
            return children;
        }
        children.sort(null);
        return children;
    }

    /** Whether the process is stopped by a signal ({@code T}): what SIGSTOP left behind. */
    public boolean stopped(long pid) {
        return statOf(pid).map(fields -> fields.get(0).equals("T")).orElse(false);
    }

    /**
     * Every process's {@code /proc/<pid>/stat} at this moment, by pid; a process that ends while they are read is
     * left out. One pass over {@code /proc}, so the times are read within milliseconds of each other.
     */
    public Map<Long, ProcessStat> stats() {
        Map<Long, ProcessStat> stats = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                statOf(pid).ifPresent(fields -> stats.put(pid, ProcessStat.of(pid, fields)));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot list the processes in " + proc, ex);
        }
        return stats;
    }

    /** One process's {@code /proc/<pid>/stat}; empty when it is gone. */
    public Optional<ProcessStat> stat(long pid) {
        return statOf(pid).map(fields -> ProcessStat.of(pid, fields));
    }

    /** The fields after the command name of {@code /proc/<pid>/stat}: state, parent, ... */
    private Optional<List<String>> statOf(long pid) {
        try {
            return Optional.of(statFields(Files.readString(proc.resolve(pid + "/stat"))));
        }
        catch (IOException ex) {
            return Optional.empty();
        }
    }

    /** The command name is in parentheses and may hold blanks and parentheses itself: the fields start after the last. */
    static List<String> statFields(String stat) {
        String rest = stat.substring(stat.lastIndexOf(')') + 1).strip();
        return new ArrayList<>(List.of(rest.split("\\s+")));
    }

    public void kill(long pid) {
        signal(pid, "KILL");
    }

    public void pause(long pid) {
        signal(pid, "STOP");
    }

    public void resume(long pid) {
        signal(pid, "CONT");
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes()).strip();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + output);
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending SIG" + signal + " to " + pid, ex);
        }
    }
}
