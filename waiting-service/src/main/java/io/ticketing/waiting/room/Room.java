package io.ticketing.waiting.room;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A show's waiting room as stored: its settings, where admission has got to, and how fast it goes now.
 *
 * @param effectivePerMinute the rate admission runs at: {@code admitPerMinute}, or less while the hold path is slow
 * @param throttleReason why it runs slower than configured; null when it does not
 * @param ramping the room opened below its rate and raises it while holds stay healthy (twice as many up to half of
 * it, then a step at a time), until it reaches the configured rate or they get slow
 * @param overloadedPerMinute the rate the room ran at when its holds last got slow (or failed); null before they did
 * @param credit admissions earned by time and not made yet (a fraction carries over to the next tick)
 * @param admittedThrough tickets ranked up to here are admitted
 * @param lastRank the last rank given; {@code lastRank - admittedThrough} customers wait once the room is open
 * @param tickedAt when admission last ran, from which the next tick's credit is counted (in the opening's quiet, when
 * the quiet ends at the latest)
 * @param rateChangedAt when the rate (or why it is lower) last changed: the holds since then judge it (in the
 * opening's quiet, when the crowd's reads were last judged)
 * @param openingReads the reads of places every instance served while the opening was quiet, as added up so far
 * @param openingReadsJudged those of them admission had seen on its last tick in the quiet
 */
public record Room(UUID showId, Status status, Instant opensAt, int admitPerMinute, int admissionMinutes,
        double effectivePerMinute, String throttleReason, boolean ramping, Double overloadedPerMinute, double credit,
        long admittedThrough, long lastRank, Instant tickedAt, Instant rateChangedAt, long openingReads,
        long openingReadsJudged, Instant openedAt, Instant closedAt, Instant createdAt, Instant updatedAt) {

    public enum Status {
        /** Not open yet: customers who join draw their places at the opening. Holds already need a token. */
        SCHEDULED,
        /** Admitting customers at its rate. */
        OPEN,
        /** No seat was left to hold: the room closed itself, and who waited is told so. */
        SOLD_OUT,
        /** Closed by an admin: holds need no token any more. */
        CLOSED
    }

    /** Whether holds of the show need an admission token. */
    public boolean on() {
        return status == Status.SCHEDULED || status == Status.OPEN;
    }

    /** Whether the opening is still quiet at {@code now}: it admits nobody while its crowd reads its places. */
    boolean quiet(Instant now) {
        return status == Status.OPEN && tickedAt != null && now.isBefore(tickedAt);
    }

    public boolean throttled() {
        return effectivePerMinute < admitPerMinute;
    }

    /** How long someone at {@code position} can expect to wait, at the rate admission runs at now. */
    long etaSeconds(long position) {
        return (long) Math.ceil(position * 60.0 / effectivePerMinute);
    }

    /** How long an admission lasts. */
    Duration admission() {
        return Duration.ofMinutes(admissionMinutes);
    }
}
