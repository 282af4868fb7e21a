package io.ticketing.waiting.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's {@code LISTEN}/{@code NOTIFY} on this instance: one connection listens on every channel a component
 * subscribed to and hands each notification to it, whichever instance's transaction sent it. While that connection is
 * down nothing is heard: subscribers see it in {@link #listening()} and read for themselves meanwhile, and when
 * listening starts again each is told that changes may have gone unheard ({@link Subscriber#missed()}).
 */
@Component
public class DatabaseSignals implements SmartLifecycle {

    /** How long the listener waits before connecting again. */
    public static final Duration RETRY = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(DatabaseSignals.class);
    private static final int RECEIVE_TIMEOUT_MS = 500;

    private final DataSource dataSource;
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    public DatabaseSignals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a channel's notifications are for. */
    public interface Subscriber {

        /** One notification of the channel, its payload as sent. */
        void heard(String payload);

        /** Notifications may have been sent while nobody listened. */
        void missed();
    }

    /** Hands the channel's notifications to {@code subscriber}, from when the listener (next) starts. */
    public void subscribe(String channel, Subscriber subscriber) {
        subscribers.put(channel, subscriber);
    }

    /** Whether notifications are being heard now. */
    public boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("database-signals").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        listener.interrupt();
        subscribers.values().forEach(Subscriber::missed);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    for (String channel : subscribers.keySet()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                subscribers.values().forEach(Subscriber::missed);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(RECEIVE_TIMEOUT_MS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            Subscriber subscriber = subscribers.get(notification.getName());
                            if (subscriber != null) {
                                subscriber.heard(notification.getParameter());
                            }
                        }
                    }
                }
            }
            catch (SQLException | RuntimeException ex) {
                if (running) {
                    log.warn("Not listening to {}; watchers read for themselves every {} meanwhile",
                            subscribers.keySet(), RETRY, ex);
                }
            }
            finally {
                listening = false;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
