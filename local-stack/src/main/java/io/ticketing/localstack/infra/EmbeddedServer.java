package io.ticketing.localstack.infra;

import java.util.Optional;

/**
 * Common life cycle of the launchers, so the local stack and the test support can start and stop them
 * uniformly (in parallel, in reverse order, from shutdown hooks).
 *
 * <p>Contract: {@link #start()} blocks until the server accepts work and first cleans up whatever a
 * crashed previous run left behind; {@link #stop()} is idempotent, blocks until the process is gone and
 * its ports are closed, and never throws.
 */
public interface EmbeddedServer extends AutoCloseable {

    /** Short human-readable name for logs and banners, e.g. "PostgreSQL". */
    String name();

    void start();

    void stop();

    /** Whether {@link #start()} completed and {@link #stop()} has not been called since. */
    boolean isRunning();

    /**
     * The server's OS process while it runs, if it is one ({@link KafkaBroker} and the SMTP server run inside
     * this JVM). Owners record it so that a later run can clean up after a crash even without starting this
     * server again, and watch it to restart the server when it dies.
     */
    default Optional<ExternalProcess> externalProcess() {
        return Optional.empty();
    }

    /**
     * The server's process while it runs, if this JVM started it as its own child (not re-parented by a daemon
     * start): then its exit code can be read when it dies.
     */
    default Optional<Process> childProcess() {
        return Optional.empty();
    }

    @Override
    default void close() {
        stop();
    }
}
