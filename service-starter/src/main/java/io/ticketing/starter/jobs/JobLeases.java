package io.ticketing.starter.jobs;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leases on the scheduled jobs that every instance of a service runs on its own schedule, so that N instances do each
 * job once, not N times: before a run, a job asks its {@link JobLease} whether this instance holds it, and only the
 * holder works. The leases are rows of the service's database ({@code job_lease}, from the starter's migrations),
 * taken and renewed by one conditional upsert judged by the database's clock, so the instances' clocks need not agree.
 *
 * <p>A lease is an economy, not a lock: every job was safe on several instances at once before it had one, and stays
 * so. An instance that stalls past its lease (a pause, a long run) may find another doing the job when it wakes up,
 * and does one more run beside it at most. An instance that dies hands its jobs over when their leases run out; one
 * that stops gives them up at once.
 */
public class JobLeases implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobLeases.class);
    /** A lease lasts this many of its job's intervals: the holder keeps it through a run or two it is late for. */
    private static final int INTERVALS_PER_TERM = 3;

    private final JdbcClient jdbc;
    private final Duration minimumTerm;
    private final String scope;
    private final String holder;
    private final Map<String, JobLease> leases = new ConcurrentHashMap<>();

    /**
     * @param minimumTerm the shortest lease: a job run more often than a third of it still asks the database at most
     *        that often, and a dead holder's job waits that long at most for another instance
     * @param scope the instances that share the leases, of all that use the database: empty for all of them (a
     *        service's deployment); the tests give each application they start its own
     * @param service names this instance in the leases it holds, with its host, process and a random part
     */
    public JobLeases(JdbcClient jdbc, Duration minimumTerm, String scope, String service) {
        if (minimumTerm.isNegative() || minimumTerm.isZero()) {
            throw new IllegalArgumentException(
                    "ticketing.jobs.minimum-lease-term must be positive, not " + minimumTerm);
        }
        this.jdbc = jdbc;
        this.minimumTerm = minimumTerm;
        this.scope = scope;
        this.holder = "%s %s %08x".formatted(service, ManagementFactory.getRuntimeMXBean().getName(),
                ThreadLocalRandom.current().nextInt());
    }

    /**
     * The lease of a job run every {@code interval}: it lasts three intervals, and no less than the minimum term. Jobs
     * that ask for the same lease are done by the same instance.
     */
    public JobLease lease(String job, Duration interval) {
        Duration term = interval.multipliedBy(INTERVALS_PER_TERM);
        return leases.computeIfAbsent(scope.isEmpty() ? job : scope + "/" + job,
                name -> new JobLease(name, term.compareTo(minimumTerm) < 0 ? minimumTerm : term, this));
    }

    /** How this instance is named in the leases it holds. */
    public String holder() {
        return holder;
    }

    /** Takes or renews the job's lease for {@code term} unless another instance holds it; whether this one does. */
    boolean take(String job, Duration term) {
        return jdbc.sql("""
                INSERT INTO job_lease (job, holder, expires_at)
                VALUES (:job, :holder, now() + :millis * interval '1 ms')
                ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE job_lease.holder = excluded.holder OR job_lease.expires_at < now()""")
                .param("job", job).param("holder", holder).param("millis", term.toMillis()).update() == 1;
    }

    /** Gives up this instance's leases as it stops: the others take its jobs over on their next run. */
    @Override
    public void destroy() {
        try {
            int released = jdbc.sql("DELETE FROM job_lease WHERE holder = ?").param(holder).update();
            if (released > 0) {
                log.info("Gave up the leases of {} jobs", released);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Could not give up this instance's job leases: the other instances take them over when they run "
                    + "out: {}", ex.getMessage());
        }
    }
}
