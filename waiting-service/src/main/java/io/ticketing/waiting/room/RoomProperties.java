package io.ticketing.waiting.room;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How waiting rooms admit ({@code ticketing.waiting.room.*}).
 *
 * @param tick how often admission runs for every open room (admissions are earned by time, so the rate does not
 * depend on it; a shorter tick lets customers in more evenly)
 * @param holdLatencyBound the bound the hold path's 99th percentile is kept under
 * @param boundWindow the stretch the bound holds over (10 s: the arena benchmark judges every 10 s window), and so
 * the holds a rate's slow ones are counted against
 * @param aim a hold answered later than this share of the bound is slow: admission slows down before the bound is
 * crossed, since the customers let in meanwhile keep holding for a while after it does (0.5: at half the bound)
 * @param slowShare admission slows down when the holds that were slow since its rate last changed are more than this
 * share of the show's holds of the last {@code boundWindow} (0.01: the hold path's 99th percentile over the bound's
 * window crossed the aim); a few slow within one second, in a window of healthy ones, are no overload
 * @param errorShare ... or when more than this share failed (5xx)
 * @param healthWindow a rate goes up again only after this long without slow or failed holds; a room slowed down to
 * half the rate that was slow, or less, judges its holds only from this long after its last change (the queue of the
 * customers let in before drains meanwhile)
 * @param reaction a rate slows down again at most this often (the holds since it last changed judge it)
 * @param minHolds fewer holds than this decide nothing
 * @param minSlow fewer slow (or failed) holds than this decide nothing either: one or two late answers (a pause of a
 * garbage collector) are no overload
 * @param slowestShare the least share of its configured rate a room slows down to
 * @param stepUp a healthy window raises a slowed-down rate by this share of the configured one (additive increase,
 * multiplicative decrease: the rate stays near what the hold path serves instead of swinging around it), by a quarter
 * of it from three quarters of the rate that was slow last to that rate; an opening's ramp adds it too, from half
 * the configured rate on
 * @param openingShare a room opens at this share of its rate and, every {@code rampStep} while holds stay healthy,
 * doubles it up to half of it, then adds {@code stepUp} of it: the configured rate is what the admin expects the
 * platform to serve, and the ramp finds out whether it does before a crowd is in, without overshooting what it serves
 * by up to twice (1: the configured rate from the opening on)
 * @param rampStep how often an opening's rate goes up: its admitted customers' holds come over the seconds after
 * their admission, and a step's are felt only once they queue (every 2 s, an arena's opening doubled on to the
 * full rate before its holds said they were slow, and its first 10 s windows went above the bound)
 * @param seatCheckInterval how often an open room asks reservation-service whether any seat is left
 * @param openingReadShare an opening is quiet (admits nobody) while the crowd drawn at it reads its places, so that
 * the first admitted customers' holds do not queue behind ten thousand reads: until this share of the crowd has read,
 * or the crowd stopped reading ({@link Admission#stillReading}), 30 s at most (at nine in ten, an arena's last
 * thousand reads, queued behind the others, came in the first second of admission, and its first holds took over a
 * second)
 * @param readsPerSecond how many reads of their places a room's waiting crowd makes a second, spread out: each place
 * read tells its page when to read it again ({@link #readAgain}), so that a crowd ten times larger reads as often in
 * all, each customer ten times less often, and the crowd of a room slowed down to a tenth of its rate a tenth as often
 * (100: about a tenth of what one gateway and one waiting-service instance serve on two cores)
 * @param maxLongPolls long polls of places this instance holds open at most: each holds a thread and a request
 * (2,000 at once ran a 256 MB heap out of memory); one more is answered at once, its page told to read again in 5 to
 * 10 s
 */
@ConfigurationProperties("ticketing.waiting.room")
public record RoomProperties(@DefaultValue("PT0.5S") Duration tick, @DefaultValue("PT1S") Duration holdLatencyBound,
        @DefaultValue("PT10S") Duration boundWindow, @DefaultValue("0.5") double aim,
        @DefaultValue("0.01") double slowShare,
        @DefaultValue("0.01") double errorShare, @DefaultValue("PT5S") Duration healthWindow,
        @DefaultValue("PT1S") Duration reaction, @DefaultValue("20") int minHolds, @DefaultValue("3") int minSlow,
        @DefaultValue("0.1") double slowestShare, @DefaultValue("0.1") double stepUp,
        @DefaultValue("0.1") double openingShare, @DefaultValue("PT4S") Duration rampStep,
        @DefaultValue("PT2S") Duration seatCheckInterval, @DefaultValue("0.99") double openingReadShare,
        @DefaultValue("100") int readsPerSecond, @DefaultValue("1000") int maxLongPolls) {

    /** A waiting page reads its place this often at most, however small the crowd. */
    private static final Duration SOONEST_READ = Duration.ofSeconds(5);

    public RoomProperties {
        if (readsPerSecond < 1) {
            throw new IllegalArgumentException("ticketing.waiting.room.reads-per-second is 1 at least (a room's crowd "
                    + "reads its places at some rate)");
        }
    }

    /**
     * When a page waiting in a room's crowd of {@code crowd} should read its place again: the crowd's reads spread
     * over {@code crowd / readsPerSecond / pace}, 5 s at the least, where {@code pace} (0 to 1) is the share of its
     * configured rate that admission runs at now (a room slowed down because the hold path is slow sheds its crowd's
     * reads too), and each page's over half to one and a half of that ({@code jitter}, 0 to 1), so that pages that
     * read together do not read again together. Never later than one admission (two thirds of it before the jitter):
     * a customer let in sooner than their page expected (the rate went up) still reads it while it runs, and it runs
     * from then on ({@link Ticket#admissionSeenAt}). Nor later than {@code nearBy} before {@code turn}, the soonest
     * the customer's turn may come ({@link Place#of}): from then on the page long-polls (zero), and hears of its
     * admission at once. But not sooner than {@code nearBy} either, unless its share of the spread is shorter: a
     * room slowed down admits slower than its soonest turns say, and its pages, each told to read again just before a
     * turn that then moved on, read every few seconds for a minute or more (in an arena run, the admitted customers
     * read their places 5.4 times on average in the minute before their first hold, up to 15); read {@code nearBy}
     * later, a page near its soonest turn then is within {@code nearBy} of it, or reads every {@code nearBy} while the
     * room stays slow.
     */
    public Duration readAgain(long crowd, double pace, Duration turn, Duration nearBy, Duration admission,
            double jitter) {
        Duration untilNear = turn.minus(nearBy);
        if (!untilNear.isPositive()) {
            return Duration.ZERO;
        }
        long millis = spread(crowd, pace, admission, jitter);
        return Duration.ofMillis(Math.min(millis, Math.max(untilNear.toMillis(), nearBy.toMillis())));
    }

    /**
     * When a page waiting for its room's opening, {@code untilOpening} away, with a crowd of {@code crowd} waiting
     * for it, should read its place again: zero, long-poll now, once the opening is within {@code nearBy} (the page
     * hears of it at once); before that, the crowd's reads spread as a waiting crowd's are ({@link #readAgain}, at the
     * configured rate), so that a room whose opening is an hour away costs 100 reads a second, not a read from every
     * page every few seconds (when every page long-polled for it, those over {@code max-long-polls} read again every
     * 5 to 10 s: 1,200 a second for a crowd of 10,000), and an opening an admin moves sooner is heard within that
     * spread. A page whose next read would come within {@code nearBy} of the opening or after it reads {@code
     * afterOpening} (5 to 10 s, per {@code jitter}) after it instead: the opening's crowd reads then anyway (the
     * opening admits nobody while it does), and so it does not all read in the same second before it.
     */
    public Duration readAgainBeforeOpening(long crowd, Duration untilOpening, Duration nearBy, Duration afterOpening,
            Duration admission, double jitter) {
        if (untilOpening.compareTo(nearBy) <= 0) {
            return Duration.ZERO;
        }
        long millis = spread(crowd, 1, admission, jitter);
        return millis < untilOpening.minus(nearBy).toMillis() ? Duration.ofMillis(millis)
                : untilOpening.plus(afterOpening).plusMillis(Math.round(afterOpening.toMillis() * jitter));
    }

    /**
     * A page's share of its crowd's spread ({@link #readAgain}): over {@code crowd / readsPerSecond / pace}, 5 s at
     * the least, at most two thirds of an admission, per {@code jitter}.
     */
    private long spread(long crowd, double pace, Duration admission, double jitter) {
        double spread = Math.max(SOONEST_READ.toMillis(), crowd * 1000.0 / (readsPerSecond * Math.max(pace, 0.01)));
        // the jitter spreads the reads under the longest wait too: capped after it, most of a large crowd would be
        // told the same wait and read again together (the arena's pages read in waves every minute)
        return Math.round(Math.min(spread, admission.toMillis() * 2 / 3.0) * (0.5 + jitter));
    }

    /** From when on a hold counts as slow. */
    public Duration slowAfter() {
        return Duration.ofNanos(Math.round(holdLatencyBound.toNanos() * aim));
    }
}
