package io.ticketing.localstack;

import io.ticketing.localstack.infra.EmbeddedServer;
import io.ticketing.localstack.infra.ProcessKiller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * An infrastructure server as the {@link Supervisor} sees it: its process is watched (its exit code read if it is
 * this JVM's child, its pid polled if it daemonized), and a restart is a stop — which cleans up what the dead
 * process left: pid file, ports — and a start. Start, stop and restart hold the server's monitor, so a restart and
 * the stack's shutdown never overlap.
 */
final class SupervisedServer implements Supervisor.Supervised {

    private static final Duration EXIT_POLL = Duration.ofMillis(250);

    private final EmbeddedServer server;
    private final Path log;
    private final BooleanSupplier stopping;
    private final Consumer<EmbeddedServer> afterStart;

    /**
     * @param stopping   whether the stack is stopping: then nothing is started any more
     * @param afterStart what follows every start (record the pid, create databases or topics)
     */
    SupervisedServer(EmbeddedServer server, Path log, BooleanSupplier stopping, Consumer<EmbeddedServer> afterStart) {
        this.server = server;
        this.log = log;
        this.stopping = stopping;
        this.afterStart = afterStart;
    }

    @Override
    public String name() {
        return server.name();
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public OptionalInt awaitExit() throws InterruptedException {
        var child = server.childProcess();
        if (child.isPresent()) {
            try {
                return OptionalInt.of(child.get().onExit().get().exitValue());
            } catch (ExecutionException e) {
                return OptionalInt.empty();
            }
        }
        // not our child (PostgreSQL and Elasticsearch daemonize): watch its pid; without one there is nothing to watch
        var process = server.externalProcess();
        while (process.isEmpty() || ProcessKiller.isAlive(process.get().pid())) {
            Thread.sleep(EXIT_POLL);
        }
        return OptionalInt.empty();
    }

    @Override
    public void restart() {
        synchronized (server) {
            if (stopping.getAsBoolean()) {
                throw new IllegalStateException("the stack is stopping");
            }
            server.stop();
            server.start();
            afterStart.accept(server);
        }
    }
}
