package io.ticketing.starter.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer of a query that a gauge reads, asked again at most once per interval. Prometheus scrapes every 15 s (and
 * each Prometheus server, and {@code /actuator/metrics}, on its own): without this every read of every gauge would be
 * a database round trip. Gauges made from one query read one {@code CachedQuery}, so they cost that one query.
 *
 * <p>A query that fails (the database away) gives no value until one works again, so its gauges read NaN rather
 * than a number that is no longer true; it is asked again after the interval, like any other.
 *
 * @param <T> what the query answers
 */
public final class CachedQuery<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedQuery.class);

    private final String name;
    private final long intervalNanos;
    private final Supplier<T> query;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private Optional<T> value = Optional.empty();
    private long askedAt;
    private boolean asked;

    /**
     * @param name     what the query counts, for the log when it fails
     * @param interval how long an answer is used before the query is asked again
     */
    public CachedQuery(String name, Duration interval, Supplier<T> query) {
        this(name, interval, query, System::nanoTime);
    }

    CachedQuery(String name, Duration interval, Supplier<T> query, LongSupplier nanoTime) {
        this.name = name;
        this.intervalNanos = interval.toNanos();
        this.query = query;
        this.nanoTime = nanoTime;
    }

    /** The last answer, asked anew if it is older than the interval; empty while the query fails. */
    public Optional<T> get() {
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            if (!asked || now - askedAt >= intervalNanos) {
                asked = true;
                askedAt = now;
                try {
                    value = Optional.of(query.get());
                }
                catch (RuntimeException ex) {
                    value = Optional.empty();
                    log.warn("Could not count {} for its metrics; they read NaN until it works again: {}", name,
                            ex.toString());
                }
            }
            return value;
        }
        finally {
            lock.unlock();
        }
    }
}
