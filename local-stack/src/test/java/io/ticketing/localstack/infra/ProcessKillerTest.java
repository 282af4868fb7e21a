package io.ticketing.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessKillerTest {

    @TempDir
    Path dir;

    private Process sleeper;

    @AfterEach
    void cleanUp() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void killsAStaleProcessWhoseCommandLineMatches() throws IOException {
        sleeper = new ProcessBuilder("sleep", "61").start();
        Path pidFile = dir.resolve("sleep.pid");
        ProcessKiller.writePid(pidFile, sleeper.pid());

        boolean killed = ProcessKiller.killStale(pidFile, Duration.ofSeconds(5), "sleep", "61");

        assertThat(killed).isTrue();
        assertThat(ProcessKiller.isAlive(sleeper.pid())).isFalse();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void leavesAProcessAloneWhenThePidWasReusedBySomethingElse() throws IOException {
        sleeper = new ProcessBuilder("sleep", "62").start();
        Path pidFile = dir.resolve("other.pid");
        ProcessKiller.writePid(pidFile, sleeper.pid());

        boolean killed = ProcessKiller.killStale(pidFile, Duration.ofSeconds(5), "redis-server");

        assertThat(killed).isFalse();
        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    void terminateEscalatesToKillForProcessesThatIgnoreSigterm() throws IOException {
        sleeper = new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 63 & wait").start();
        Sleep.millis(200);
        var children = sleeper.toHandle().descendants().toList();

        ProcessKiller.terminate(sleeper.toHandle(), Duration.ofMillis(300));

        // gone: dead or a zombie, which the JDK's reaper thread collects a moment later on a busy machine
        assertThat(ProcessKiller.isAlive(sleeper.pid())).isFalse();
        assertThat(children).allSatisfy(child -> assertThat(ProcessKiller.isAlive(child.pid())).isFalse());
    }

    @Test
    void readsNothingFromAMissingOrGarbledPidFile() throws IOException {
        assertThat(ProcessKiller.readPid(dir.resolve("missing.pid"))).isEmpty();
        Files.writeString(dir.resolve("garbled.pid"), "not a pid");
        assertThat(ProcessKiller.readPid(dir.resolve("garbled.pid"))).isEmpty();
    }
}
