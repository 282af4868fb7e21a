package io.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionOperations;

import com.zaxxer.hikari.HikariDataSource;

/** Expiry by Redis keyspace notifications alone: both sweepers wait an hour between runs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "ticketing.reservation.hold-ttl=PT2S", "ticketing.reservation.hold-grace=PT0.5S",
                "ticketing.reservation.sweep-interval=PT1H", "ticketing.reservation.record-sweep-interval=PT1H" })
class HoldExpiryByNotificationIntegrationTest extends HoldExpiryScenario {

    @Autowired
    RedissonClient redis;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionOperations transactions;

    /**
     * Leases announced as ended all at once (after a restart, or a pause of Redis) are expired a few at a time, so they
     * never queue for the database's connections, which customers' holds need meanwhile: here the hold table is locked
     * while 500 expiries arrive, so that each one at work keeps its connection until the lock goes.
     */
    @Test
    void aBurstOfExpiriesLeavesTheConnectionsToTheRequests() throws Exception {
        var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        var expired = redis.getTopic("__keyevent@0__:expired", StringCodec.INSTANCE);
        UUID showId = UUID.randomUUID();
        var locked = new CountDownLatch(1);
        int mostWaiting = 0;
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> lock = background.submit(() -> transactions.executeWithoutResult(tx -> {
                jdbc.sql("LOCK TABLE hold IN ACCESS EXCLUSIVE MODE").update();
                locked.countDown();
                await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
            }));
            locked.await();
            for (int i = 0; i < 500; i++) {
                expired.publish("show:{" + showId + "}:holds:lease:" + UUID.randomUUID());
            }
            for (int sample = 0; sample < 100; sample++) {
                mostWaiting = Math.max(mostWaiting, pool.getThreadsAwaitingConnection());
                Thread.sleep(10);
            }
            lock.get();
        }

        assertThat(mostWaiting).as("threads waiting for a database connection").isLessThanOrEqualTo(2);
    }
}
