package io.ticketing.waiting.line;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes whoever watches a show's line (long polls, streams) when an entry of the show changes status, on any
 * instance: PostgreSQL announces each change (a trigger, {@code pg_notify}) and one connection per instance
 * listens. While that connection is down, watchers fall back to reading their entry every {@link #FALLBACK}, and
 * every watcher is woken when listening starts again, since changes may have gone unheard meanwhile.
 */
@Component
class LineSignals implements SmartLifecycle {

    private static final String CHANNEL = "waitlist_entry_changed";
    /** How often a watcher reads its entry while no notification can arrive. */
    private static final Duration FALLBACK = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(LineSignals.class);
    private static final int RECEIVE_TIMEOUT_MS = 500;

    private final DataSource dataSource;
    private final ConcurrentHashMap<UUID, CompletableFuture<Void>> next = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    LineSignals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Completes at the show's next change. Taken before reading the entry, so a change between the read and the
     * wait is not missed.
     */
    CompletableFuture<Void> nextChange(UUID showId) {
        return next.computeIfAbsent(showId, id -> new CompletableFuture<>());
    }

    /** Waits for the change, at most {@code timeout}, and at most {@link #FALLBACK} while nobody listens. */
    void await(CompletableFuture<Void> change, Duration timeout) {
        Duration wait = listening || timeout.compareTo(FALLBACK) < 0 ? timeout : FALLBACK;
        try {
            change.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            // nothing changed: the caller reads again or answers
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("waitlist-signals").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        listener.interrupt();
        wakeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                wakeAll();
                while (running) {
                    PGNotification[] received = notifications.getNotifications(RECEIVE_TIMEOUT_MS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            wake(UUID.fromString(notification.getParameter()));
                        }
                    }
                }
            }
            catch (SQLException | RuntimeException ex) {
                if (running) {
                    log.warn("Not listening to waiting-line changes; watchers read their entries every {} meanwhile",
                            FALLBACK, ex);
                }
            }
            finally {
                listening = false;
            }
            pause();
        }
    }

    private void wake(UUID showId) {
        CompletableFuture<Void> change = next.remove(showId);
        if (change != null) {
            change.complete(null);
        }
    }

    private void wakeAll() {
        next.keySet().forEach(this::wake);
    }

    private void pause() {
        try {
            Thread.sleep(FALLBACK);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
