package io.ticketing.reservation.hold;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.ticketing.reservation.config.RedisProperties;
import io.ticketing.reservation.config.RedisTopology;
import io.ticketing.starter.jobs.JobLease;

/**
 * Frees a hold the moment Redis expires its lease key, announced by Redis keyspace notifications
 * ({@code notify-keyspace-events Ex}, switched on here on every master and again every minute, as a restarted Redis
 * forgets it; a cluster's nodes announce only their own keys, and Redisson listens to every master).
 * Notifications are fire-and-forget (a disconnected instance misses them, and Redis expires keys nobody reads
 * only when its sampling finds them), so {@link HoldSweeper} stays as the backstop; freeing twice is harmless.
 * {@code ticketing.reservation.expiry-notifications=false} leaves expiry to the sweeper, for a Redis that
 * refuses {@code CONFIG SET} and has no notifications configured. Every instance hears every expiry; only the holder
 * of the sweeper's lease acts on it ({@link HoldSweeper#expiryLease}), so that each costs PostgreSQL one end.
 */
@Component
@ConditionalOnBooleanProperty(name = "ticketing.reservation.expiry-notifications", matchIfMissing = true)
class HoldLeases {

    private static final Logger log = LoggerFactory.getLogger(HoldLeases.class);
    /** {@code show:{<showId>}:holds:lease:<holdId>}, see {@code SeatKeys#lease}. */
    private static final Pattern LEASE = Pattern.compile("show:\\{([0-9a-f-]{36})}:holds:lease:([0-9a-f-]{36})");
    /**
     * Expiries at work at once. Each writes to PostgreSQL: a burst of thousands (leases that ended while this instance
     * was down or Redis was paused, announced together) waits its turn here rather than in the connection pool, where
     * it would keep customers' holds from a connection until it had drained (found by the chaos audit: holds failed
     * for 50 s after a restart, 11,000 expiries waiting for 10 connections).
     */
    private static final int AT_ONCE = 2;

    private final RedissonClient redis;
    private final RedisProperties properties;
    private final Holds holds;
    private final JobLease lease;
    private final ExecutorService expiries = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore turns = new Semaphore(AT_ONCE, true);

    HoldLeases(RedissonClient redis, RedisProperties properties, Holds holds, HoldSweeper sweeper) {
        this.redis = redis;
        this.properties = properties;
        this.holds = holds;
        this.lease = sweeper.expiryLease();
    }

    @EventListener(ApplicationReadyEvent.class)
    void listen() {
        announceExpiries();
        redis.getPatternTopic("__keyevent@*__:expired", StringCodec.INSTANCE)
                .addListener(String.class, (pattern, channel, key) -> {
                    Matcher lease = LEASE.matcher(key);
                    if (lease.matches()) {
                        // off Redisson's event loop: expiring writes to PostgreSQL
                        expiries.execute(() -> expire(UUID.fromString(lease.group(1)), UUID.fromString(lease.group(2))));
                    }
                });
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void announceExpiries() {
        try {
            for (RedisNode node : RedisTopology.masters(redis, properties)) {
                String flags = node.getConfig("notify-keyspace-events").values().stream().findFirst().orElse("");
                if (!(flags.contains("E") && (flags.contains("x") || flags.contains("A")))) {
                    node.setConfig("notify-keyspace-events", flags + (flags.contains("E") ? "" : "E") + "x");
                }
            }
        }
        catch (RuntimeException ex) {
            log.warn("Could not switch on Redis expiry notifications (set notify-keyspace-events Ex on the server); "
                    + "holds are freed by the sweeper alone: {}", ex.getMessage());
        }
    }

    private void expire(UUID showId, UUID holdId) {
        if (!lease.held()) {
            return; // another instance's, or its sweeper's once it takes the lease over
        }
        try {
            turns.acquire();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return; // stopping: the sweeper expires it after a restart
        }
        try {
            holds.expire(showId, holdId);
        }
        catch (RuntimeException ex) {
            log.warn("Could not expire hold {} of show {} on its lease's end; the sweeper retries", holdId, showId, ex);
        }
        finally {
            turns.release();
        }
    }
}
