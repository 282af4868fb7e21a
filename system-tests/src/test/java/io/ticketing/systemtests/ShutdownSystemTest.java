package io.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs last: stopping a stack started by the system tests, as Ctrl-C would, leaves nothing behind. */
@Order(Integer.MAX_VALUE)
class ShutdownSystemTest {

    @Test
    void stoppingTheStackLeavesNoProcessAndNoListeningPort() throws Exception {
        LocalStackProcess stack = LocalStackProcess.shared();
        Assumptions.assumeTrue(stack.startedHere(), "the stack was already running; it is not ours to stop");

        stack.stop();

        assertThat(LocalStackProcess.PORTS).allSatisfy(port -> assertThat(LocalStackProcess.listening(port))
                .as("port %d still listening", port).isFalse());
        String dataDir = LocalStackProcess.home().resolve(".local").toString();
        assertThat(ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().filter(line -> line.contains(dataDir)).isPresent())
                .map(process -> process.pid() + " " + process.info().commandLine().orElse(""))
                .toList()).as("processes of the stack still running").isEmpty();
        assertThat(stack.launcherOutput()).contains("local-client-key").contains("local-admin-key");
    }
}
