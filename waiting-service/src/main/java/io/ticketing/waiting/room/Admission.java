package io.ticketing.waiting.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.starter.jobs.JobLease;
import io.ticketing.starter.jobs.JobLeases;
import io.ticketing.waiting.line.Reservation;

/**
 * Lets customers into their rooms. Every {@code ticketing.waiting.room.tick}, on the instance that holds the job's
 * lease ({@link JobLeases}), each open room earns admissions for the time since its last tick at the rate it runs at,
 * and admits that many of the next ranks; the room's row is locked meanwhile, so instances that tick at once (one
 * that took the lease over, and one that wakes up not knowing it lost it) take turns and the rate is the room's,
 * however many run. A room whose opening has come is opened first: who joined before it is ranked in the order of
 * their random draws, and nobody is admitted while that crowd reads its places ({@link #stillReading}: every instance
 * counts the reads it serves meanwhile and adds them to the room on its ticks, lease or not); then the rate ramps up.
 * Every tick the rate follows how the show's holds fared ({@link #throttle}); every few seconds reservation-service is
 * asked whether any seat is left, and a room with none closes itself as sold out.
 */
@Component
class Admission {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);
    /** Health reports are kept this long (only the last window's decide). */
    private static final Duration HEALTH_KEPT = Duration.ofMinutes(10);
    /** How often old health reports are forgotten. */
    private static final Duration HEALTH_PRUNING = Duration.ofMinutes(1);
    /**
     * The most time one tick earns admissions for: after a pause (every instance down, a long stop of the world, or a
     * stretch with nobody waiting, when ticks write nothing) the room goes on at its rate instead of letting the whole
     * pause's worth in at once.
     */
    private static final Duration MOST_EARNED = Duration.ofSeconds(5);
    /** The longest an opening is quiet, however slowly its crowd reads. */
    private static final Duration LONGEST_QUIET = Duration.ofSeconds(30);
    /** A room slowed down steps back up by whole steps to this share of the rate that was slow last... */
    private static final double NEAR_OVERLOAD = 0.75;
    /** ... by this share of a step from there to that rate, and by whole steps again past it. */
    private static final double STEP_NEAR_OVERLOAD = 0.25;
    /** The turn of a place in a room that admits nobody and cannot step up: later than any read or admission. */
    private static final Duration NEVER = Duration.ofDays(365);
    /** A crowd reads on while it reads at least this share of itself a second... */
    private static final double READING_SHARE_PER_SECOND = 0.01;
    /** ... and at least this share of how fast it read since the opening. */
    private static final double READING_FROM_AVERAGE = 0.2;
    /**
     * Every page that waits for the opening reads its place within this long of it: its long poll is answered at once,
     * and a page refused one was told to read again within twice {@link Place#REFUSED_POLL_AGAIN}. The quiet lasts
     * this long at least, unless most of the crowd has read sooner: pages that wait for a connection or a server busy
     * with the crowd's reads may read more slowly for a moment, which is not a crowd that stopped reading.
     */
    private static final Duration EVERY_PAGE_READS = Place.REFUSED_POLL_AGAIN.multipliedBy(2);

    private final RoomRepository rooms;
    private final TicketRepository tickets;
    private final HoldHealthRepository health;
    private final Reservation reservation;
    private final TransactionOperations transactions;
    private final RoomProperties properties;
    private final RoomMetrics metrics;
    private final Clock clock;
    private final JobLease admitting;
    private final JobLease forgetting;
    /** When this instance last asked whether a room's show has seats left. */
    private final Map<UUID, Instant> seatsCheckedAt = new ConcurrentHashMap<>();
    /** Reads of places in rooms whose opening is quiet, served by this instance and not yet added to their rooms. */
    private final Map<UUID, AtomicLong> openingReads = new ConcurrentHashMap<>();

    Admission(RoomRepository rooms, TicketRepository tickets, HoldHealthRepository health, Reservation reservation,
            TransactionOperations transactions, RoomProperties properties, RoomMetrics metrics, Clock clock,
            JobLeases leases) {
        this.rooms = rooms;
        this.tickets = tickets;
        this.health = health;
        this.reservation = reservation;
        this.transactions = transactions;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.admitting = leases.lease("waiting-room-admission", properties.tick());
        this.forgetting = leases.lease("waiting-room-health-pruning", HEALTH_PRUNING);
    }

    @Scheduled(fixedDelayString = "${ticketing.waiting.room.tick:PT0.5S}")
    void tick() {
        addOpeningReads();
        if (!admitting.held()) {
            return;
        }
        for (UUID showId : rooms.due(clock.instant())) {
            try {
                admit(showId);
            }
            catch (RuntimeException ex) {
                log.warn("Could not admit customers of show {}'s waiting room now; trying again", showId, ex);
            }
        }
    }

    /** A customer read their place in a room whose opening is quiet: the room hears of it on this instance's tick. */
    void readInQuiet(UUID showId) {
        openingReads.computeIfAbsent(showId, show -> new AtomicLong()).incrementAndGet();
    }

    private void addOpeningReads() {
        openingReads.forEach((showId, reads) -> {
            long count = reads.getAndSet(0);
            if (count == 0) {
                openingReads.remove(showId, reads); // the quiet is over (a read racing this one is lost: one read)
                return;
            }
            try {
                rooms.addOpeningReads(showId, count);
            }
            catch (RuntimeException ex) {
                reads.addAndGet(count);
                log.warn("Could not count the reads of show {}'s waiting room; trying again", showId, ex);
            }
        });
    }

    @Scheduled(fixedDelayString = "PT1M") // HEALTH_PRUNING
    void forgetOldHealth() {
        if (forgetting.held()) {
            health.forget(clock.instant().minus(HEALTH_KEPT));
        }
    }

    /** Opens the room now if its opening has come and nobody did yet (a join does this rather than wait a tick). */
    void openIfDue(UUID showId) {
        transactions.executeWithoutResult(tx -> rooms.lock(showId)
                .filter(room -> room.status() == Room.Status.SCHEDULED && !clock.instant().isBefore(room.opensAt()))
                .ifPresent(room -> open(room, clock.instant())));
    }

    /** One tick of one room. */
    void admit(UUID showId) {
        Integer seatsLeft = seatsLeft(showId);
        transactions.executeWithoutResult(tx -> {
            Room room = rooms.lock(showId).orElse(null);
            Instant now = clock.instant();
            if (room == null || !room.on() || now.isBefore(room.opensAt())) {
                return;
            }
            if (room.status() == Room.Status.SCHEDULED) {
                room = open(room, now);
            }
            if (seatsLeft != null && seatsLeft == 0) {
                rooms.end(showId, Room.Status.SOLD_OUT, now);
                rooms.announce(Room.Status.SOLD_OUT, showId, room.admittedThrough());
                log.info("Show {} has no seat left: its waiting room closed itself, {} customers still waiting",
                        showId, room.lastRank() - room.admittedThrough());
                return;
            }
            admitLocked(room, now);
        });
    }

    private void admitLocked(Room room, Instant now) {
        if (room.quiet(now)) {
            judgeQuiet(room, now);
            return;
        }
        Duration judged = judged(room, now, properties);
        Throttle throttle = throttle(room, health.judged(room.showId(), now.minus(properties.boundWindow()),
                now.minus(judged)), now, properties);
        double effective = throttle.effectivePerMinute();
        String reason = throttle.reason();
        boolean changed = effective != room.effectivePerMinute() || !Objects.equals(reason, room.throttleReason())
                || throttle.ramping() != room.ramping()
                || !Objects.equals(throttle.overloadedPerMinute(), room.overloadedPerMinute());
        if (changed && effective != room.effectivePerMinute()) {
            log.info("Waiting room of show {} admits {} a minute now (configured {}): {}", room.showId(),
                    Math.round(effective), room.admitPerMinute(), reason == null ? "the hold path is healthy" : reason);
        }
        Instant rateChangedAt = changed ? now : room.rateChangedAt();
        long waiting = room.lastRank() - room.admittedThrough();
        if (waiting == 0 && !changed) {
            // nobody to let in and nothing else changed: an open room that nobody waits in writes nothing (its next
            // tick with a crowd earns at most MOST_EARNED of admissions, as after a pause)
            return;
        }
        Duration earning = Duration.between(room.tickedAt(), now);
        double seconds = Math.clamp(earning.toNanos() / 1e9, 0, MOST_EARNED.toSeconds());
        double credit = room.credit() + effective * seconds / 60;
        long admitted = Math.min((long) Math.floor(credit), waiting);
        credit -= admitted;
        if (admitted == waiting) {
            credit = Math.min(credit, 1); // nobody left waiting: time does not pile up admissions for a later crowd
        }
        long through = room.admittedThrough() + admitted;
        if (admitted > 0) {
            tickets.admit(room.showId(), room.admittedThrough(), through, now, now.plus(room.admission()));
            rooms.announce(Room.Status.OPEN, room.showId(), through);
            metrics.admitted(admitted);
        }
        rooms.ticked(room.showId(), credit, through, throttle, rateChangedAt, now);
    }

    /**
     * The opening: who joined before it is ranked in the order of their draws, after anyone ranked already (nobody,
     * unless an admin moved a scheduled room's opening); admission counts from now.
     */
    private Room open(Room room, Instant now) {
        int ranked = tickets.rankEarly(room.showId(), room.lastRank());
        double first = room.admitPerMinute() * Math.min(1, properties.openingShare());
        rooms.opened(room.showId(), room.lastRank() + ranked, now, ranked == 0 ? now : now.plus(LONGEST_QUIET), first,
                ramping(first, room, properties));
        rooms.announce(Room.Status.OPEN, room.showId(), room.admittedThrough());
        log.info("Waiting room of show {} opened with {} customers drawn into random order; admitting once they have "
                + "read their places", room.showId(), ranked);
        return rooms.find(room.showId()).orElseThrow();
    }

    /**
     * A tick in the opening's quiet: judged every two ticks at most, it ends the quiet once the crowd no longer reads
     * ({@code rateChangedAt} is when it was judged last, until then).
     */
    private void judgeQuiet(Room room, Instant now) {
        Duration since = Duration.between(room.rateChangedAt(), now);
        if (since.compareTo(properties.tick().multipliedBy(2)) < 0) {
            return;
        }
        if (stillReading(room, since, now, properties)) {
            rooms.quiet(room.showId(), room.openingReads(), room.tickedAt(), now);
            return;
        }
        rooms.quiet(room.showId(), room.openingReads(), now, now);
        log.info("Waiting room of show {}: {} reads of {} places in the opening's first {} s; admitting from now on",
                room.showId(), room.openingReads(), room.lastRank() - room.admittedThrough(),
                Duration.between(room.openedAt(), now).toMillis() / 1000.0);
    }

    /**
     * Whether the crowd waiting in an opening's quiet still reads its places: fewer than {@code openingReadShare} of
     * them read so far, and in the {@code since} since the last judgement at least 1 % of the crowd a second and a
     * fifth of the rate since the opening (a crowd drawn at the opening reads at once and then stops: those that do
     * not read, having left, do not keep the room shut for the rest), but not before {@link #EVERY_PAGE_READS}: the
     * long polls answered at the opening make its first second's reads several times those of the next, while the other
     * pages have yet to read.
     */
    static boolean stillReading(Room room, Duration since, Instant now, RoomProperties properties) {
        long crowd = room.lastRank() - room.admittedThrough();
        if (room.openingReads() >= crowd * properties.openingReadShare()) {
            return false;
        }
        Duration open = Duration.between(room.openedAt(), now);
        if (open.compareTo(EVERY_PAGE_READS) < 0) {
            return true;
        }
        double seconds = since.toNanos() / 1e9;
        double lately = (room.openingReads() - room.openingReadsJudged()) / seconds;
        double sinceOpening = room.openingReads() / (open.toNanos() / 1e9);
        return lately > 0 && lately >= crowd * READING_SHARE_PER_SECOND
                && lately >= sinceOpening * READING_FROM_AVERAGE;
    }

    /** The seats left to hold, asked every seat-check interval of an open room; null when not asked or not known. */
    private Integer seatsLeft(UUID showId) {
        Instant now = clock.instant();
        Instant last = seatsCheckedAt.get(showId);
        if (last != null && now.isBefore(last.plus(properties.seatCheckInterval()))) {
            return null;
        }
        seatsCheckedAt.put(showId, now);
        try {
            return reservation.counts(showId).map(Reservation.Counts::available).orElse(null);
        }
        catch (RuntimeException ex) {
            log.warn("Cannot ask whether show {} has seats left; admitting on", showId, ex);
            return null;
        }
    }

    /**
     * The rate a room runs at, why it is below the configured one, whether it is ramping up since the opening, and the
     * rate it ran at when its holds last got slow (null before they did).
     */
    record Throttle(double effectivePerMinute, String reason, boolean ramping, Double overloadedPerMinute) {
    }

    /**
     * The rate from the show's holds, judged on every tick: halved (down to {@code slowestShare} of the configured
     * rate) when those since it last changed (of the bound's window at most) that were slow (later than {@code aim} of
     * the bound) are more than {@code slowShare} of the holds of the bound's window, or those that failed more than
     * {@code errorShare}, at most once per {@code reaction}; once slowed down, not before the queue of the customers
     * let in before has drained ({@link #judgedFrom}). Judged against the holds since the change alone, a few slow
     * within one second halved rooms that ran far below what the hold path served: in the thirty-fourth arena 3 of
     * 122 and 4 of 226 holds at 1,800 and 2,100 a minute, each 2.5 s after a change, and the time was up with 6,180
     * seats left while no 10 s window's p99 went above 862 ms. Without either, an opening's ramp doubles the rate every
     * {@code rampStep} up to half the configured rate, then adds {@code stepUp} of it ({@link #ramp}), and a room
     * slowed down since gets {@code stepUp} of the configured rate back after a whole health window of judged seconds,
     * up to it; from three quarters of the rate it was slow at last to that rate, a quarter of that: admitted customers
     * hold for minutes, so a step too far is felt only once holds queue, and the customers it let in keep holding while
     * they drain (stepping straight back to the rate that was slow, the arena's holds got slow again within seconds).
     * Past that rate, healthy, whole steps again: a few holds slow within one second mark whatever rate the room ran at
     * (in the twenty-fifth arena 4 of 66 at 656 a minute, of the 3,000 configured: 150 s later the room still stepped
     * up by quarters).
     * Fewer than {@code minHolds} holds, or fewer than {@code minSlow} slow or failed ones, say nothing about the hold
     * path's health: they count as healthy.
     */
    static Throttle throttle(Room room, HoldHealthRepository.Health holds, Instant now, RoomProperties properties) {
        double configured = room.admitPerMinute();
        double effective = Math.min(room.effectivePerMinute(), configured);
        Double overloaded = room.overloadedPerMinute();
        Duration unchanged = Duration.between(room.rateChangedAt(), now);
        boolean draining = draining(room, properties);
        boolean enough = holds.holds() >= properties.minHolds();
        boolean slow = enough && holds.slow() >= properties.minSlow()
                && holds.slow() > holds.holds() * properties.slowShare();
        boolean failing = enough && holds.errors() >= properties.minSlow()
                && holds.errors() > holds.holds() * properties.errorShare();
        Throttle unchangedThrottle = new Throttle(effective, effective < configured ? room.throttleReason() : null,
                room.ramping() && effective < configured, overloaded);
        if (draining && unchanged.compareTo(properties.healthWindow()) < 0) {
            return unchangedThrottle;
        }
        if (slow || failing) {
            if (unchanged.compareTo(properties.reaction()) < 0) {
                return unchangedThrottle;
            }
            double slower = Math.max(configured * properties.slowestShare(), effective / 2);
            Double mark = draining ? overloaded : effective;
            return new Throttle(slower, String.format(Locale.ROOT,
                    "holds of the last %.1f s: %d slower than %d ms and %d failed, of the %d of the last %d s (the "
                            + "room aims at %d%% of the %d ms bound); admitting %d a minute instead of %d",
                    judged(room, now, properties).toMillis() / 1000.0, holds.slow(), properties.slowAfter().toMillis(),
                    holds.errors(), holds.holds(), properties.boundWindow().toSeconds(),
                    Math.round(properties.aim() * 100), properties.holdLatencyBound().toMillis(), Math.round(slower),
                    room.admitPerMinute()), false, mark);
        }
        if (effective >= configured) {
            return new Throttle(configured, null, false, overloaded);
        }
        if (room.ramping()) {
            if (unchanged.compareTo(properties.rampStep()) < 0) {
                return unchangedThrottle;
            }
            double faster = ramp(effective, configured, properties);
            return new Throttle(faster, ramping(faster, room, properties), faster < configured, overloaded);
        }
        if (healthyFor(room, now, properties).compareTo(properties.healthWindow()) < 0) {
            return unchangedThrottle;
        }
        boolean careful = careful(effective, configured, overloaded, properties);
        double faster = stepUp(effective, configured, overloaded, properties);
        String reason = faster >= configured ? null : String.format(Locale.ROOT,
                "recovering: holds were healthy for %d s; admitting %d a minute, back up to %d",
                properties.healthWindow().toSeconds(), Math.round(faster), room.admitPerMinute());
        return new Throttle(faster, reason == null || !careful ? reason : String.format(Locale.ROOT,
                "%s (a quarter of a step at a time from three quarters of the %d a minute that was slow last to it)",
                reason, Math.round(overloaded)), false, overloaded);
    }

    /** A healthy window's step up from {@code effective} (a minute's admissions, as all rates here). */
    private static double stepUp(double effective, double configured, Double overloaded, RoomProperties properties) {
        double step = configured * properties.stepUp();
        return Math.min(configured, effective + (careful(effective, configured, overloaded, properties)
                ? step * STEP_NEAR_OVERLOAD : step));
    }

    /** Whether a step up from {@code effective} is a quarter of one: it would pass three quarters of the slow rate. */
    private static boolean careful(double effective, double configured, Double overloaded,
            RoomProperties properties) {
        return overloaded != null && effective < overloaded
                && effective + configured * properties.stepUp() > overloaded * NEAR_OVERLOAD;
    }

    /**
     * The soonest admission can reach {@code position} in {@code room}, from {@code now}: at the configured rate when
     * the room runs at it or an opening ramps up to it. A room slowed down gets its rate back as {@link #throttle}
     * gives it at the fastest, holds healthy all along: the first step a whole health window after the holds that
     * judge its rate began ({@link #judgedFrom}), then one every health window (two while it still drains), by
     * quarters near the rate that was slow last. A page that sleeps until then does not sleep through its turn
     * (unless an admin raises the rate). Taken to grow smoothly from the moment of the read on, sooner and faster
     * than it can, the rate of a room slowed down to a quarter of its 3,000 a minute had the pages of its 8,000
     * waiting customers read 187 times a second in the eighty-first arena run, where its 100 a second at that pace
     * are 25: most pages read every 15 s to 2 minutes, each told its turn might come soon.
     */
    static Duration soonestTurn(Room room, long position, Instant now, RoomProperties properties) {
        double configured = room.admitPerMinute();
        double rate = Math.min(room.effectivePerMinute(), configured);
        if (room.ramping() || rate >= configured) {
            return Duration.ofMillis(Math.round(position * 60_000.0 / configured));
        }
        double window = properties.healthWindow().toMillis() / 1000.0;
        Instant firstStep = judgedFrom(room, properties).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)
                .plus(properties.healthWindow());
        double untilStep = Math.max(0, Duration.between(now, firstStep).toMillis() / 1000.0);
        double seconds = 0;
        double left = position;
        while (rate < configured && rate / 60 * untilStep < left) {
            double faster = stepUp(rate, configured, room.overloadedPerMinute(), properties);
            if (faster <= rate) {
                break;
            }
            left -= rate / 60 * untilStep;
            seconds += untilStep;
            rate = faster;
            untilStep = draining(rate, room.overloadedPerMinute(), configured, properties) ? 2 * window : window;
        }
        return rate <= 0 ? NEVER : Duration.ofMillis(Math.round((seconds + left * 60 / rate) * 1000));
    }

    /**
     * An opening's next rate: twice {@code effective} up to half the configured rate, then {@code stepUp} of it more.
     * A doubling past half the rate overshoots what the hold path serves by up to twice when the configured
     * rate is more than it serves, and its customers' holds say so only once they queue: in five of the sixtieth to
     * sixty-seventh arena runs, the opening's doubling from 1,200 to 2,400 a minute (of 3,000) slowed the room down
     * 2.1 to 3.9 s later, once holds had queued.
     */
    private static double ramp(double effective, double configured, RoomProperties properties) {
        double half = configured / 2;
        return Math.min(configured, effective < half ? Math.min(half, effective * 2)
                : effective + configured * properties.stepUp());
    }

    /** Why an opening's ramp admits fewer than the configured rate; null once it does not. */
    private static String ramping(double effective, Room room, RoomProperties properties) {
        return effective >= room.admitPerMinute() ? null : String.format(Locale.ROOT,
                "opening: admitting %d a minute, every %d s while holds are healthy twice as many up to half of %d, "
                        + "then %d more",
                Math.round(effective), properties.rampStep().toSeconds(), room.admitPerMinute(),
                Math.round(room.admitPerMinute() * properties.stepUp()));
    }

    /**
     * How long the holds that judge the rate have been healthy: the slow and failed ones reported in the second of its
     * last change are not judged ({@link HoldHealthRepository#judged}), so from the next whole second on. Counted from
     * the change itself, a change early in a second stepped up a whole window later on the holds of a sliver of a
     * second (in a test with one-second windows, 50 ms that no report came in: the rate climbed while every report
     * said a tenth of the holds failed).
     */
    private static Duration healthyFor(Room room, Instant now, RoomProperties properties) {
        return Duration.between(judgedFrom(room, properties).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1), now);
    }

    /**
     * The stretch whose slow and failed holds judge the rate: since {@link #judgedFrom}, of the bound's window at most
     * (none before it).
     */
    private static Duration judged(Room room, Instant now, RoomProperties properties) {
        Duration since = Duration.between(judgedFrom(room, properties), now);
        return since.isNegative() ? Duration.ZERO
                : since.compareTo(properties.boundWindow()) < 0 ? since : properties.boundWindow();
    }

    /**
     * From when the holds judge the rate: its last change, and a whole {@code healthWindow} after it while the room is
     * {@link #draining}: the customers let in before a slowdown hold on after it, and their holds, answered late while
     * the queue they made drains, say nothing of the lower rate. Judged from the change itself, each of the three
     * slowdowns of the fifty-ninth and sixtieth arenas went on halving the rate while that queue drained, down to a
     * tenth within about 3 s. In the sixtieth run the opening's 2,400 a minute went slow and the room admitted 1,200,
     * 600, then 300 a minute within 2.7 s; holds were healthy again 0.4 s after the third halving (1,200 a minute had
     * been healthy before the ramp's last doubling), and it took 17 s to get back to 1,200. Mid-race, 1,875 a minute
     * went to 300 within 2.2 s, and back to 1,200 in 19.5 s.
     */
    static Instant judgedFrom(Room room, RoomProperties properties) {
        return draining(room, properties) ? room.rateChangedAt().plus(properties.healthWindow()) : room.rateChangedAt();
    }

    /**
     * Whether the room runs at half the rate that was slow last, or less (or at the slowest): slowed down on an
     * overload, and still on the way back from it.
     */
    private static boolean draining(Room room, RoomProperties properties) {
        return draining(Math.min(room.effectivePerMinute(), room.admitPerMinute()), room.overloadedPerMinute(),
                room.admitPerMinute(), properties);
    }

    private static boolean draining(double effective, Double overloaded, double configured,
            RoomProperties properties) {
        return overloaded != null && effective <= Math.max(overloaded / 2, configured * properties.slowestShare());
    }
}
