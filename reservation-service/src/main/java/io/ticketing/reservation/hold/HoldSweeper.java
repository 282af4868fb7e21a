package io.ticketing.reservation.hold;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.ticketing.reservation.seating.SeatScripts;

/**
 * Frees holds whose lease (time plus grace) has run out, every {@code ticketing.reservation.sweep-interval}
 * (250 ms), so a hold is freed within a second of its end without anyone asking. Several instances may
 * sweep at once: freeing is one atomic script that only the first caller gets anything from. What is due is
 * judged by Redis's clock, which set the leases: instances whose clocks differ still agree.
 */
@Component
class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);
    private static final int BATCH = 200;

    private final SeatScripts scripts;
    private final Holds holds;
    private final HoldRepository records;
    private final HoldProperties properties;

    HoldSweeper(SeatScripts scripts, Holds holds, HoldRepository records, HoldProperties properties) {
        this.scripts = scripts;
        this.holds = holds;
        this.records = records;
        this.properties = properties;
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
        for (String due : scripts.due(BATCH)) {
            // "show:{<showId>}:holds|<holdId>"
            String showId = due.substring(due.indexOf('{') + 1, due.indexOf('}'));
            String holdId = due.substring(due.indexOf('|') + 1);
            try {
                holds.expire(UUID.fromString(showId), UUID.fromString(holdId));
            }
            catch (RuntimeException ex) {
                log.warn("Could not expire hold {} of show {}; retrying on the next sweep", holdId, showId, ex);
            }
        }
    }
}
