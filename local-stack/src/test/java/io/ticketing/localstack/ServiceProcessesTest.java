package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketing.localstack.infra.ProcessKiller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A service's (re)start as the launcher makes it: a process that is not ready in time does not outlive the attempt. */
class ServiceProcessesTest {

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        started.forEach(process -> ProcessKiller.terminate(process.toHandle(), Duration.ZERO));
    }

    @Test
    void aStartThatIsNotReadyInTimeIsKilledBeforeTheFailureIsReported() {
        assertThatThrownBy(() -> ServiceProcesses.startedOrStopped(this::startSlowService,
                () -> {
                    throw new IllegalStateException("catalog-service not ready within 180 s");
                },
                () -> ProcessKiller.terminate(started.getFirst().toHandle(), Duration.ZERO)))
                .hasMessage("catalog-service not ready within 180 s");

        // Gone as the launcher sees it: exited, perhaps not reaped yet. Process.isAlive() stays true until the JDK's
        // reaper thread has collected the exit status, which on a loaded machine comes a little later.
        assertThat(started).singleElement().satisfies(process -> assertThat(ProcessKiller.isAlive(process.pid()))
                .as("the slow process, which would have taken the port from the next attempt").isFalse());
    }

    @Test
    void aStartThatIsReadyKeepsRunning() {
        ServiceProcesses.startedOrStopped(this::startSlowService, () -> true,
                () -> ProcessKiller.terminate(started.getFirst().toHandle(), Duration.ZERO));

        assertThat(started.getFirst().isAlive()).isTrue();
    }

    @Test
    void aWaitGivenUpBecauseTheStackStopsKillsNothingItself() {
        List<String> killed = new ArrayList<>();
        assertThatThrownBy(() -> ServiceProcesses.startedOrStopped(this::startSlowService, () -> false,
                () -> killed.add("killed"))).hasMessage("the stack is stopping");

        assertThat(killed).as("stopping the stack stops every process").isEmpty();
    }

    /** A process that would become ready much later. */
    private void startSlowService() {
        try {
            started.add(new ProcessBuilder("sleep", "600").start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
