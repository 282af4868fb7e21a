package io.ticketing.reservation.hold;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.ticketing.reservation.seating.SeatChanges;
import io.ticketing.reservation.seating.SeatScripts;

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
 */
@Component
class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);
    private static final int BATCH = 200;

    private final SeatScripts scripts;
    private final Holds holds;
    private final HoldRepository records;
    private final HoldProperties properties;
    /** The shows that may have holds, each with the number of the last change noted of it. */
    private final Map<UUID, Long> shows = new ConcurrentHashMap<>();
    private final AtomicLong noted = new AtomicLong();
    /** Whether the shows with open holds are to be read from PostgreSQL before the next sweep. */
    private volatile boolean fromRecords = true;

    HoldSweeper(SeatScripts scripts, Holds holds, HoldRepository records, HoldProperties properties,
            SeatChanges changes) {
        this.scripts = scripts;
        this.holds = holds;
        this.records = records;
        this.properties = properties;
        // not on the subscription's thread, which must not block: the next sweep reads them
        changes.follow(change -> noted(change.showId()), () -> fromRecords = true);
    }

    /** The show may have holds in Redis now. */
    void noted(UUID showId) {
        shows.put(showId, noted.incrementAndGet());
    }

    /**
     * The backstop's backstop: holds PostgreSQL still records as held a while after their lease ended, which
     * happens when Redis lost its expiry index (a restart) for a show nobody has touched since.
     */
    @Scheduled(fixedDelayString = "${ticketing.reservation.record-sweep-interval:PT5S}")
    void sweepRecords() {
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
        if (fromRecords) {
            fromRecords = false;
            try {
                records.showsWithOpenHolds().forEach(this::noted);
            }
            catch (RuntimeException ex) {
                fromRecords = true;
                throw ex;
            }
        }
        Map<UUID, Long> sweeping = Map.copyOf(shows);
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
                shows.remove(showId, sweeping.get(showId)); // unless it changed meanwhile
            }
        });
    }
}
