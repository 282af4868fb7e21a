package io.ticketing.localstack;

import io.ticketing.localstack.infra.ExternalProcess;
import io.ticketing.localstack.infra.ProcessKiller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The launcher's own bookkeeping in {@code .local/run/}: its pid, and every process it started with a
 * command-line marker. It is what lets a start after a crash (or {@code kill -9} of the launcher) find
 * and stop the services, the postmaster and Elasticsearch that the dead launcher left running.
 */
final class RunRegistry {

    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);

    private final Path runDir;
    private final String[] launcherMarkers;

    /**
     * @param launcherMarkers strings the launcher's own command line contains (e.g. its {@code -Dticketing.home})
     */
    RunRegistry(Path runDir, String... launcherMarkers) {
        this.runDir = runDir;
        this.launcherMarkers = launcherMarkers.clone();
    }

    /** The pid of a launcher that still runs on this project, if any. */
    OptionalLong liveLauncher() {
        OptionalLong pid = ProcessKiller.readPid(launcherPidFile());
        if (pid.isPresent() && ProcessKiller.isOurs(pid.getAsLong(), launcherMarkers)) {
            return pid;
        }
        return OptionalLong.empty();
    }

    /** Marks this JVM as the project's launcher. */
    void claim() {
        ProcessKiller.writePid(launcherPidFile(), ProcessHandle.current().pid());
    }

    /** Remembers a started process; called before waiting for it, so even a half-started stack is recorded. */
    synchronized void record(ExternalProcess process) {
        try {
            Files.createDirectories(runDir);
            Files.writeString(processesFile(), process.pid() + "\t" + process.marker() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record pid in " + processesFile(), e);
        }
    }

    /** Remembers how many instances of each service the running stack has, for {@code ./ticketing status}. */
    void recordReplicas(Replicas replicas) {
        try {
            Files.createDirectories(runDir);
            Files.writeString(replicasFile(), replicas.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + replicasFile(), e);
        }
    }

    /** The instances the running stack has: one of each when it did not say (infrastructure only). */
    Replicas replicas() {
        try {
            return Files.isRegularFile(replicasFile())
                    ? Replicas.parse(Files.readString(replicasFile(), StandardCharsets.UTF_8).strip()) : Replicas.ONE;
        } catch (IOException | IllegalArgumentException e) {
            return Replicas.ONE;
        }
    }

    /**
     * Stops what a previous run left: newest first, so services go before the infrastructure they use.
     *
     * @return a description of each process that was stopped
     */
    synchronized List<String> killLeftovers() {
        List<String> killed = new ArrayList<>();
        for (ExternalProcess process : recorded().reversed()) {
            if (ProcessKiller.killIfOurs(process.pid(), LEFTOVER_GRACE, process.marker())) {
                killed.add(process.pid() + "  " + process.marker());
            }
        }
        deleteQuietly(processesFile());
        return killed;
    }

    /** After a clean stop nothing is left to clean up. */
    synchronized void release() {
        deleteQuietly(processesFile());
        deleteQuietly(replicasFile());
        OptionalLong pid = ProcessKiller.readPid(launcherPidFile());
        if (pid.isPresent() && pid.getAsLong() == ProcessHandle.current().pid()) {
            deleteQuietly(launcherPidFile());
        }
    }

    private List<ExternalProcess> recorded() {
        if (!Files.isRegularFile(processesFile())) {
            return List.of();
        }
        try {
            List<ExternalProcess> processes = new ArrayList<>();
            for (String line : Files.readAllLines(processesFile(), StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    try {
                        processes.add(new ExternalProcess(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1)));
                    } catch (NumberFormatException ignored) {
                        // a line torn by a crash: nothing to kill
                    }
                }
            }
            return processes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path launcherPidFile() {
        return runDir.resolve("launcher.pid");
    }

    private Path processesFile() {
        return runDir.resolve("processes");
    }

    private Path replicasFile() {
        return runDir.resolve("replicas");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file is harmless: every pid in it is verified before use
        }
    }
}
