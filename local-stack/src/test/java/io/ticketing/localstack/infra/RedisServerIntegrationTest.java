package io.ticketing.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerIntegrationTest {

    private static final int STARTS = 20;

    @TempDir
    Path root;

    private final AtomicBoolean forking = new AtomicBoolean(true);
    private RedisServer redis;

    @AfterEach
    void stop() {
        forking.set(false);
        if (redis != null) {
            redis.stop();
        }
    }

    /**
     * What made a local stack fail to start ("Redis exited during start-up", its log: "Text file busy"): Redis's
     * binary is written just before it is executed, and a process another thread forks meanwhile (the launcher starts
     * PostgreSQL, Kafka and Elasticsearch in parallel, and restarts services) inherits the open file for a moment,
     * during which it cannot be executed. Here other threads fork processes all the time while Redis starts again
     * and again.
     */
    @Test
    void startsEveryTimeWhileOtherThreadsForkProcesses() throws Exception {
        List<Thread> forkers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            forkers.add(Thread.ofPlatform().daemon().start(this::forkUntilStopped));
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            // a port of its own each time: a port freed by the last stop is an ephemeral port, which any process's
            // outgoing connection may take in the meantime (CI saw that in 2 of 20 starts)
            redis = new RedisServer(root.resolve("redis"), Ports.freePort());
            try {
                redis.start();
                assertThat(redis.ping()).isTrue();
            } catch (IllegalStateException e) {
                failures.add(e.getMessage());
            } finally {
                redis.stop();
            }
        }
        forking.set(false);
        for (Thread forker : forkers) {
            forker.join();
        }

        assertThat(failures).as("failed starts out of %d", STARTS).isEmpty();
    }

    private void forkUntilStopped() {
        while (forking.get()) {
            try {
                new ProcessBuilder("true").start().waitFor();
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }
}
