package io.ticketing.starter.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import io.ticketing.starter.jobs.JobLease;

/**
 * Forgets, after {@code ticketing.inbox.retention} (14 days), which events the inbox has applied: long after Kafka
 * (7 days by default) and the outbox (which resends within minutes) could deliver them again, so the table does
 * not grow with every event ever seen. Deletes in batches, so no statement holds many locks; safe to run on
 * several instances at once, and done by the holder of the job's lease alone.
 */
public class InboxPruner {

    private static final Logger log = LoggerFactory.getLogger(InboxPruner.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Clock clock;
    private final JobLease lease;

    public InboxPruner(JdbcClient jdbc, Duration retention, Clock clock, JobLease lease) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
        this.lease = lease;
    }

    /** Deletes the inbox rows older than the retention, if this instance holds the job; how many there were. */
    @Scheduled(fixedDelayString = "${ticketing.inbox.prune-interval:PT1H}", initialDelayString = "PT1M")
    public int prune() {
        if (!lease.held()) {
            return 0;
        }
        OffsetDateTime before = OffsetDateTime.now(clock).minus(retention);
        int pruned = 0;
        for (int deleted = BATCH; deleted == BATCH; pruned += deleted) {
            deleted = jdbc.sql("""
                    DELETE FROM processed_event WHERE ctid IN (
                        SELECT ctid FROM processed_event WHERE processed_at < ? LIMIT ?)""")
                    .params(before, BATCH).update();
        }
        if (pruned > 0) {
            log.info("Forgot {} applied events older than {}", pruned, retention);
        }
        return pruned;
    }
}
