package io.ticketing.starter.jobs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's lease ({@link JobLeases}). The database is asked at most every third of the term: the holder then believes
 * it holds the lease until a third of the term after it last asked, well before another instance can take it, and an
 * instance refused asks again after as long.
 */
public final class JobLease {

    private static final Logger log = LoggerFactory.getLogger(JobLease.class);

    private final String job;
    private final Duration term;
    private final JobLeases leases;
    private final long askEveryNanos;
    private final List<Runnable> whenTaken = new CopyOnWriteArrayList<>();
    private final ReentrantLock asking = new ReentrantLock();
    private boolean held;
    private long askAgainAt;
    private boolean asked;

    JobLease(String job, Duration term, JobLeases leases) {
        this.job = job;
        this.term = term;
        this.leases = leases;
        this.askEveryNanos = term.toNanos() / 3;
    }

    /**
     * Whether this instance does the job now. Asks the database when the last answer is a third of the term old; a
     * database that cannot be asked holds nothing for this instance.
     */
    public boolean held() {
        asking.lock();
        try {
            long now = System.nanoTime();
            if (asked && now - askAgainAt < 0) {
                return held;
            }
            boolean before = held;
            try {
                held = leases.take(job, term);
            }
            catch (RuntimeException ex) {
                held = false;
                log.warn("Could not ask for the lease of job {}: not doing it here for now: {}", job, ex.getMessage());
            }
            asked = true;
            askAgainAt = now + askEveryNanos;
            if (held != before) {
                log.info(held ? "This instance does job {} now" : "Job {} is done by another instance now", job);
            }
            if (held && !before) {
                whenTaken.forEach(Runnable::run);
            }
            return held;
        }
        finally {
            asking.unlock();
        }
    }

    /** Runs {@code action} each time this instance takes the lease over (in {@link #held}, on the asking thread). */
    public void whenTaken(Runnable action) {
        whenTaken.add(action);
    }

    /** How long a lease lasts from the holder's last renewal. */
    public Duration term() {
        return term;
    }
}
