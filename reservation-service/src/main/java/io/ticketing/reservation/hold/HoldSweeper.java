package io.ticketing.reservation.hold;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.ticketing.reservation.seating.SeatChanges;
import io.ticketing.reservation.seating.SeatScripts;
import io.ticketing.starter.jobs.JobLease;
import io.ticketing.starter.jobs.JobLeases;

/**
 * Frees holds whose lease (time plus grace) has run out, every {@code ticketing.reservation.sweep-interval}
 * (250 ms), so a hold is freed within a second of its end without anyone asking. Several instances may
 * sweep at once: freeing is one atomic script that only the first caller gets anything from. What is due is
 * judged by Redis's clock, which set the leases: instances whose clocks differ still agree.
 *
 * <p>Each show has its own expiry index, in the show's hash slot (a Redis Cluster runs no script across slots), so the
 * sweep asks each show that may have holds, all in one batch. Those shows are the ones whose seats changed (every
 * instance hears every change: {@link SeatChanges}), the ones this instance rebuilt with holds, and, at the start and
 * whenever the subscription was renewed (changes may have gone unheard), the shows PostgreSQL records open holds of.
 * A show whose index is empty is forgotten until it changes again.
 *
 * <p>One instance at a time sweeps: the holder of the {@code hold-expiry} lease ({@link JobLeases}), which also frees
 * the holds whose expiry Redis announces ({@link HoldLeases}). Every instance notes the shows, so the one that takes
 * the lease over knows them; it reads those PostgreSQL records open holds of as well, then and every
 * {@code RECORDS_EVERY}, for a show another instance rebuilt with holds that nobody changed since. So an instance
 * that does not sweep keeps only the shows that changed within the last {@code RECORDS_EVERY} or two
 * ({@link NotedShows}). The record sweep has a lease of its own.
 */
@Component
class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);
    private static final int BATCH = 200;
    private static final Duration RECORDS_EVERY = Duration.ofSeconds(30);

    private final SeatScripts scripts;
    private final Holds holds;
    private final HoldRepository records;
    private final HoldProperties properties;
    private final NotedShows shows = new NotedShows();
    /** Whether the shows with open holds are to be read from PostgreSQL before the next sweep. */
    private volatile boolean fromRecords = true;
    private long recordsReadAt;
    /** When this instance, not sweeping, last forgot the shows that did not change for a while. */
    private long forgottenAt = System.nanoTime();
    private final JobLease expiry;
    private final JobLease recordSweep;

    HoldSweeper(SeatScripts scripts, Holds holds, HoldRepository records, HoldProperties properties,
            SeatChanges changes, JobLeases leases,
            @Value("${ticketing.reservation.sweep-interval:PT0.25S}") Duration sweepInterval,
            @Value("${ticketing.reservation.record-sweep-interval:PT5S}") Duration recordSweepInterval) {
        this.scripts = scripts;
        this.holds = holds;
        this.records = records;
        this.properties = properties;
        this.expiry = leases.lease("hold-expiry", sweepInterval);
        this.recordSweep = leases.lease("hold-record-sweep", recordSweepInterval);
        // not on the subscription's thread, which must not block: the next sweep reads them
        changes.follow(change -> noted(change.showId()), () -> fromRecords = true);
        expiry.whenTaken(() -> fromRecords = true);
    }

    /** The lease of freeing holds whose lease ran out: its holder sweeps, and acts on Redis's expiry notifications. */
    JobLease expiryLease() {
        return expiry;
    }

    /** The show may have holds in Redis now. */
    void noted(UUID showId) {
        shows.note(showId);
    }

    /**
     * The backstop's backstop: holds PostgreSQL still records as held a while after their lease ended, which
     * happens when Redis lost its expiry index (a restart) for a show nobody has touched since.
     */
    @Scheduled(fixedDelayString = "${ticketing.reservation.record-sweep-interval:PT5S}")
    void sweepRecords() {
        if (!recordSweep.held()) {
            return;
        }
        for (Hold hold : records.overdue(scripts.time().minus(properties.holdGrace()).minusSeconds(1), BATCH)) {
            try {
                holds.expire(hold.showId(), hold.holdId());
            }
            catch (RuntimeException ex) {
                log.warn("Could not expire overdue hold {} of show {}", hold.holdId(), hold.showId(), ex);
            }
        }
    }

    @Scheduled(fixedDelayString = "${ticketing.reservation.sweep-interval:PT0.25S}")
    void sweep() {
        if (!expiry.held()) {
            if (System.nanoTime() - forgottenAt > RECORDS_EVERY.toNanos()) {
                forgottenAt = System.nanoTime();
                shows.forgetUnchangedSinceLastTime();
            }
            return;
        }
        if (fromRecords || System.nanoTime() - recordsReadAt > RECORDS_EVERY.toNanos()) {
            fromRecords = false;
            recordsReadAt = System.nanoTime();
            try {
                records.showsWithOpenHolds().forEach(this::noted);
            }
            catch (RuntimeException ex) {
                fromRecords = true;
                throw ex;
            }
        }
        Map<UUID, Long> sweeping = shows.now();
        scripts.due(sweeping.keySet(), BATCH).forEach((showId, due) -> {
            for (UUID holdId : due.holdIds()) {
                try {
                    holds.expire(showId, holdId);
                }
                catch (RuntimeException ex) {
                    log.warn("Could not expire hold {} of show {}; retrying on the next sweep", holdId, showId, ex);
                }
            }
            if (due.indexed() == 0) {
                shows.forget(showId, sweeping.get(showId)); // unless it changed meanwhile
            }
        });
    }
}
