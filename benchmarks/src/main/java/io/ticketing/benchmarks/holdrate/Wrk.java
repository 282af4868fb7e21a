package io.ticketing.benchmarks.holdrate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.ticketing.benchmarks.StackCpu;

/**
 * Runs {@code wrk} (4.x, with LuaJIT scripting) as a child process and reads what it printed. Its own CPU time is
 * taken from this JVM's reaped children ({@code cutime + cstime} of {@code /proc/self/stat}): wrk is the only child
 * this JVM waits for while it runs, and its time lands there the moment it is reaped.
 */
final class Wrk {

    /** Beyond its duration, wrk needs a moment to start its threads and to print; more than this means it hangs. */
    private static final Duration GRACE = Duration.ofSeconds(60);

    private final String executable;
    private final int threads;
    private final int connections;
    private final Duration timeout;
    private final Path directory;
    private final StackCpu cpu;
    private int runs;

    Wrk(String executable, int threads, int connections, Duration timeout, Path directory, StackCpu cpu) {
        this.executable = executable;
        this.threads = threads;
        this.connections = connections;
        this.timeout = timeout;
        this.directory = directory;
        this.cpu = cpu;
    }

    /**
     * What one run printed, and the CPU it used.
     *
     * @param cpuMillis wrk's own CPU time, user and kernel, in ms
     * @param wallMillis from starting wrk until it was reaped
     */
    record Run(WrkOutput output, double cpuMillis, double wallMillis, String printed) {
    }

    /** A run with the connections this wrk was made with. */
    Run run(Path script, URI target, Duration duration) throws IOException, InterruptedException {
        return run(script, target, duration, connections);
    }

    /** {@code wrk -t -c -d --timeout --latency -s script target}; fails when wrk fails or prints no summary. */
    Run run(Path script, URI target, Duration duration, int connections) throws IOException, InterruptedException {
        List<String> command = List.of(executable, "-t", Integer.toString(threads), "-c", Integer.toString(connections),
                "-d", duration.toSeconds() + "s", "--timeout", Math.max(1, timeout.toSeconds()) + "s", "--latency",
                "-s", script.toString(), target.toString());
        Path printed = directory.resolve(String.format(Locale.ROOT, "%02d-%s.out", ++runs, script.getFileName()));
        double cpuBefore = cpu.reapedChildrenMillisOfThisProcess();
        long started = System.nanoTime();
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(printed.toFile()).start();
        if (!wrk.waitFor(duration.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
            wrk.destroyForcibly().waitFor();
            throw new IllegalStateException("wrk did not end within " + duration.plus(GRACE).toSeconds() + " s: "
                    + String.join(" ", command));
        }
        double wallMillis = (System.nanoTime() - started) / 1e6;
        double cpuMillis = cpu.reapedChildrenMillisOfThisProcess() - cpuBefore;
        String output = Files.readString(printed);
        if (wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk exited with " + wrk.exitValue() + ": " + String.join(" ", command)
                    + "\n" + output);
        }
        return new Run(WrkOutput.parse(output), cpuMillis, wallMillis, output);
    }

    /** The first line of {@code wrk --version}: {@code wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will Glozer}. */
    static String version(String executable) throws InterruptedException {
        try {
            Process wrk = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes());
            wrk.waitFor(10, TimeUnit.SECONDS);
            String first = output.lines().findFirst().orElse("").strip();
            if (!first.startsWith("wrk ")) {
                throw new IllegalStateException("'" + executable + " --version' does not print wrk's version: " + first);
            }
            return first.replaceFirst("\\s+Copyright.*$", "");
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot run wrk ('" + executable + "'): install it (apt-get install wrk) "
                    + "or name it with --wrk", ex);
        }
    }
}
