package io.ticketing.localstack;

import io.ticketing.localstack.infra.LogTail;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the stack's processes running as Kubernetes keeps a pod's containers: one that exits while the stack is
 * up (a crash, {@code kill -9}, an out-of-memory exit) is restarted after a pause that grows with every quick
 * failure ({@link RestartBackoff}). The terminal says what exited, with which code and the last lines of its log,
 * when it restarts and when it is ready again; {@code .local/logs/local-stack.log} keeps the same lines.
 *
 * <p>{@link #close()} ends supervision before the stack stops anything, so a shutdown never races a restart. A
 * restart already under way when it is called gives up or finishes; the owners' own locks make sure whatever it
 * started is stopped with the rest.
 */
final class Supervisor implements AutoCloseable {

    /** A process the supervisor keeps running. */
    interface Supervised {

        String name();

        /** The log quoted when the process dies. */
        Path log();

        /**
         * Blocks until the running process has ended and returns its exit code, if this JVM can know it (only
         * for its own child processes). Returns at once if nothing runs.
         */
        OptionalInt awaitExit() throws InterruptedException;

        /**
         * Cleans up what the dead process left (pid files, ports), starts it again and waits until it is ready.
         * Throws if it cannot, and soon once the stack is stopping.
         */
        void restart();
    }

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int LOG_LINES = 20;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final PrintStream out;
    private final Supplier<RestartBackoff> backoffs;
    private final List<Thread> watchers = new ArrayList<>();
    private volatile boolean closed;

    /** @param backoffs a new policy per supervised process, so one crashing process does not slow another's restart */
    Supervisor(PrintStream out, Supplier<RestartBackoff> backoffs) {
        this.out = out;
        this.backoffs = backoffs;
    }

    /** Watches a process that runs and is ready now; restarts it whenever it exits until {@link #close()}. */
    synchronized void supervise(Supervised process) {
        if (closed) {
            return;
        }
        watchers.add(Thread.ofPlatform().daemon().name("supervise-" + process.name()).start(() -> watch(process)));
    }

    /** No restart from now on. Waits a few seconds for restarts under way to give up. Idempotent. */
    @Override
    public void close() {
        List<Thread> running;
        synchronized (this) {
            closed = true;
            running = List.copyOf(watchers);
            watchers.clear();
        }
        running.forEach(Thread::interrupt);
        for (Thread watcher : running) {
            try {
                watcher.join(CLOSE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void watch(Supervised process) {
        RestartBackoff backoff = backoffs.get();
        int restarts = 0;
        long readySince = System.nanoTime();
        try {
            while (!closed) {
                OptionalInt exitCode = process.awaitExit();
                if (closed) {
                    return;
                }
                Duration ranHealthy = Duration.ofNanos(System.nanoTime() - readySince);
                say("!! %s exited%s after %s; last lines of %s:%n%s", process.name(),
                        exitCode.isPresent() ? " with code " + exitCode.getAsInt() : "", human(ranHealthy),
                        process.log(), LogTail.of(process.log(), LOG_LINES));
                while (true) {
                    Duration pause = backoff.next(ranHealthy);
                    restarts++;
                    say("   restarting %s in %s (restart %d)", process.name(), human(pause), restarts);
                    Thread.sleep(pause);
                    if (closed) {
                        return;
                    }
                    long started = System.nanoTime();
                    try {
                        process.restart();
                    } catch (RuntimeException e) {
                        if (closed) {
                            return;
                        }
                        say("!! %s did not start again: %s", process.name(), e.getMessage());
                        ranHealthy = Duration.ZERO;
                        continue;
                    }
                    readySince = System.nanoTime();
                    say("   %s is ready again (restart %d, started in %.1f s)", process.name(), restarts,
                            (readySince - started) / 1e9);
                    break;
                }
            }
        } catch (InterruptedException e) {
            // closed: the stack is stopping
        }
    }

    private void say(String format, Object... args) {
        String message = String.format(format, args);
        if (closed) {
            return;
        }
        log.info(message);
        synchronized (out) {
            out.println(LocalTime.now().format(TIME) + " " + message);
            out.flush();
        }
    }

    private static String human(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + " ms";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
