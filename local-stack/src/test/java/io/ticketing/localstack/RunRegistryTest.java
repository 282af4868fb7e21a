package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.localstack.infra.ExternalProcess;
import io.ticketing.localstack.infra.ProcessKiller;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRegistryTest {

    @TempDir
    Path runDir;

    private Process ours;
    private Process notOurs;

    @AfterEach
    void cleanUp() {
        for (Process process : new Process[] {ours, notOurs}) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void killsRecordedLeftoversButOnlyIfTheirCommandLineStillMatches() throws IOException {
        ours = new ProcessBuilder("sleep", "71").start();
        notOurs = new ProcessBuilder("sleep", "72").start();
        RunRegistry previousRun = new RunRegistry(runDir, "-Dticketing.home=/nowhere");
        previousRun.record(new ExternalProcess(ours.pid(), "71"));
        previousRun.record(new ExternalProcess(notOurs.pid(), "catalog-service-0.1.0-SNAPSHOT.jar"));

        var killed = new RunRegistry(runDir, "-Dticketing.home=/nowhere").killLeftovers();

        assertThat(killed).containsExactly(ours.pid() + "  71");
        assertThat(ProcessKiller.isAlive(ours.pid())).isFalse();
        assertThat(notOurs.isAlive()).isTrue();
        assertThat(new RunRegistry(runDir, "x").killLeftovers()).isEmpty();
    }

    @Test
    void aLauncherCountsAsRunningOnlyWhileItsPidIsAliveAndOurs() throws IOException {
        RunRegistry registry = new RunRegistry(runDir, "-Dticketing.home=/nowhere");
        assertThat(registry.liveLauncher()).isEmpty();

        ProcessKiller.writePid(runDir.resolve("launcher.pid"), ProcessHandle.current().pid());
        assertThat(registry.liveLauncher()).as("own pid never counts").isEmpty();

        ours = new ProcessBuilder("sh", "-c", "sleep 73", "-Dticketing.home=/nowhere").start();
        ProcessKiller.writePid(runDir.resolve("launcher.pid"), ours.pid());
        assertThat(registry.liveLauncher()).hasValue(ours.pid());
        assertThat(new RunRegistry(runDir, "-Dticketing.home=/elsewhere").liveLauncher()).isEmpty();
    }
}
