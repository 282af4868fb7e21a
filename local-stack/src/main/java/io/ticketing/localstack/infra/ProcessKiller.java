package io.ticketing.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Pid-file and process-tree handling shared by all launchers.
 *
 * <p>Why it exists: PostgreSQL, Redis and Elasticsearch run as separate OS processes that outlive a JVM
 * killed with {@code kill -9}. Every launcher therefore records a pid, and before starting kills whatever
 * a previous run left behind. A pid alone is not proof of ownership (pids are reused), so every kill is
 * guarded by markers that must appear in the process's command line.
 */
public final class ProcessKiller {

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private ProcessKiller() {
    }

    /** The pid in the first line of a pid file, if the file exists and holds one. */
    public static OptionalLong readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Writes a pid file atomically, so a crash never leaves a half-written pid behind. */
    public static void writePid(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.toAbsolutePath().getParent());
            Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
            Files.writeString(tmp, pid + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(tmp, pidFile, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile, e);
        }
    }

    /** The full command line of a live process ({@code /proc/<pid>/cmdline}, arguments joined by spaces). */
    public static Optional<String> commandLine(long pid) {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        try {
            byte[] bytes = Files.readAllBytes(cmdline);
            if (bytes.length > 0) {
                return Optional.of(new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').trim());
            }
        } catch (IOException e) {
            // no /proc (not Linux) or the process is gone: fall back to what the JDK knows
        }
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine());
    }

    /** Whether the pid is alive and its command line contains every marker (so it is really ours). */
    public static boolean isOurs(long pid, String... markers) {
        if (!isAlive(pid) || pid == ProcessHandle.current().pid()) {
            return false;
        }
        Optional<String> commandLine = commandLine(pid);
        if (commandLine.isEmpty()) {
            return false;
        }
        for (String marker : markers) {
            if (!commandLine.get().contains(marker)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Kills the process named by a pid file if it is still ours, then deletes the pid file.
     *
     * @return whether a leftover process was found and killed
     */
    public static boolean killStale(Path pidFile, Duration grace, String... markers) {
        OptionalLong pid = readPid(pidFile);
        boolean killed = pid.isPresent() && killIfOurs(pid.getAsLong(), grace, markers);
        deleteQuietly(pidFile);
        return killed;
    }

    /**
     * Terminates the pid (SIGTERM, then SIGKILL after {@code grace}) if it is alive and ours.
     *
     * @return whether the process was ours and is now gone
     */
    public static boolean killIfOurs(long pid, Duration grace, String... markers) {
        if (!isOurs(pid, markers)) {
            return false;
        }
        ProcessHandle.of(pid).ifPresent(handle -> terminate(handle, grace));
        return true;
    }

    /**
     * Terminates every process whose command line contains all markers. For leftovers that may have lost
     * their pid file (e.g. a JVM killed while the server was still starting).
     *
     * @return how many processes were terminated
     */
    public static int killAllMatching(Duration grace, String... markers) {
        List<ProcessHandle> matching = ProcessHandle.allProcesses()
                .filter(handle -> isOurs(handle.pid(), markers))
                .toList();
        matching.forEach(handle -> terminate(handle, grace));
        return matching.size();
    }

    /**
     * Stops a process and everything it spawned: SIGTERM to the process, wait up to {@code grace}, then
     * SIGKILL to it and to all descendants that are still alive. Returns when all of them are gone (or
     * after a few more seconds if the kernel is slow to reap them).
     */
    public static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = descendantsAndSelf(process);
        process.destroy();
        await(process, grace);
        for (ProcessHandle handle : tree.reversed()) {
            if (isAlive(handle.pid())) {
                handle.destroyForcibly();
            }
        }
        tree.forEach(handle -> await(handle, KILL_WAIT));
    }

    /**
     * Sends a named signal ({@code INT}, {@code QUIT}, ...). The JDK can only send TERM and KILL, but
     * PostgreSQL's fastest clean shutdown is SIGINT.
     */
    public static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the pid is gone; returns whether it exited within the timeout. */
    public static boolean awaitExit(long pid, Duration timeout) {
        return ProcessHandle.of(pid).map(handle -> await(handle, timeout)).orElse(true);
    }

    private static List<ProcessHandle> descendantsAndSelf(ProcessHandle process) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process);
        process.descendants().forEach(tree::add);
        return tree;
    }

    /**
     * Alive and not a zombie. Polling instead of {@code onExit()} because a killed process that is not our
     * child stays a zombie until its parent (or an init that may not reap) collects it.
     */
    public static boolean isAlive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName < 0 || afterName + 2 >= stat.length() || stat.charAt(afterName + 2) != 'Z';
        } catch (IOException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private static boolean await(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isAlive(handle.pid())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Sleep.millis(50);
        }
        return true;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file that cannot be deleted is harmless: its pid is verified before every kill
        }
    }
}
