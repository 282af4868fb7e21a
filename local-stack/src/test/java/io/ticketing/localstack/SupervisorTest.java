package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.localstack.infra.ProcessKiller;
import io.ticketing.localstack.infra.Sleep;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes ({@code sleep}) killed with SIGKILL, as a crash or a chaos test would. */
class SupervisorTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(terminal, true, StandardCharsets.UTF_8);
    private Supervisor supervisor;
    private Sleeper sleeper;

    @AfterEach
    void cleanUp() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (sleeper != null) {
            sleeper.started.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void restartsAKilledProcessAndSaysSoInTheTerminal() throws Exception {
        supervisor = new Supervisor(out, () -> new RestartBackoff(Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofMinutes(1)));
        sleeper = new Sleeper(dir, 0);
        sleeper.restart();
        supervisor.supervise(sleeper);
        Process first = sleeper.current();

        ProcessKiller.signal(first.pid(), "KILL");

        await(() -> sleeper.started.size() == 2 && sleeper.current().isAlive() && output().contains("ready again"));
        assertThat(first.isAlive()).isFalse();
        assertThat(output())
                .contains("!! sleeper exited with code 137")
                .contains("last lines of " + sleeper.log())
                .contains("started sleep number 1")
                .contains("restarting sleeper in 100 ms (restart 1)")
                .contains("sleeper is ready again (restart 1");
    }

    @Test
    void waitsLongerAfterEachFailedRestart() throws Exception {
        supervisor = new Supervisor(out, () -> new RestartBackoff(Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofMinutes(1)));
        sleeper = new Sleeper(dir, 2);
        sleeper.restart();
        supervisor.supervise(sleeper);

        ProcessKiller.signal(sleeper.current().pid(), "KILL");

        await(() -> output().contains("ready again"));
        assertThat(output())
                .contains("restarting sleeper in 100 ms (restart 1)")
                .contains("!! sleeper did not start again: refused on purpose")
                .contains("restarting sleeper in 200 ms (restart 2)")
                .contains("restarting sleeper in 400 ms (restart 3)")
                .contains("sleeper is ready again (restart 3");
        assertThat(sleeper.current().isAlive()).isTrue();
    }

    @Test
    void restartsNothingOnceClosedEvenWhenARestartWasAboutToHappen() throws Exception {
        supervisor = new Supervisor(out, () -> new RestartBackoff(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMinutes(1)));
        sleeper = new Sleeper(dir, 0);
        sleeper.restart();
        supervisor.supervise(sleeper);

        ProcessKiller.signal(sleeper.current().pid(), "KILL");
        await(() -> output().contains("restarting sleeper in 2 s"));
        supervisor.close();
        Sleep.millis(2500);

        assertThat(sleeper.started).hasSize(1);
    }

    @Test
    void doesNotReportOrRestartAProcessStoppedAfterClose() throws Exception {
        supervisor = new Supervisor(out, () -> new RestartBackoff(Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofMinutes(1)));
        sleeper = new Sleeper(dir, 0);
        sleeper.restart();
        supervisor.supervise(sleeper);

        supervisor.close();
        ProcessKiller.terminate(sleeper.current().toHandle(), Duration.ofSeconds(5));
        Sleep.millis(500);

        assertThat(sleeper.started).hasSize(1);
        assertThat(output()).isEmpty();
    }

    private String output() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    private void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s; terminal:%n%s", output()).isLessThan(deadline);
            Sleep.millis(20);
        }
    }

    /** A {@code sleep} child that writes a line to its log at each start; the first restarts may be refused. */
    private static final class Sleeper implements Supervisor.Supervised {

        final List<Process> started = new CopyOnWriteArrayList<>();
        private final Path log;
        private final AtomicInteger refusals;

        Sleeper(Path dir, int refusals) {
            this.log = dir.resolve("sleeper.log");
            this.refusals = new AtomicInteger(refusals);
        }

        @Override
        public String name() {
            return "sleeper";
        }

        @Override
        public Path log() {
            return log;
        }

        Process current() {
            return started.getLast();
        }

        @Override
        public OptionalInt awaitExit() throws InterruptedException {
            try {
                return OptionalInt.of(current().onExit().get().exitValue());
            } catch (ExecutionException e) {
                return OptionalInt.empty();
            }
        }

        @Override
        public void restart() {
            if (!started.isEmpty() && refusals.getAndDecrement() > 0) {
                throw new IllegalStateException("refused on purpose");
            }
            try {
                Files.writeString(log, "started sleep number " + (started.size() + 1) + System.lineSeparator(),
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
                started.add(new ProcessBuilder("sleep", "600").start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
