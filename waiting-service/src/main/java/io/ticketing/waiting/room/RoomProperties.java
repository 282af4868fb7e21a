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
 * @param aim a hold answered later than this share of the bound is slow: admission slows down before the bound is
 * crossed, since the customers let in meanwhile keep holding for a while after it does (0.5: at half the bound)
 * @param slowShare admission slows down when more than this share of a room's holds were slow (0.01: the hold
 * path's 99th percentile crossed the aim)
 * @param errorShare ... or when more than this share failed (5xx)
 * @param healthWindow the holds that judge the rate, those since it last changed but of this long at most; a rate
 * goes up again only after this long without slow or failed holds
 * @param reaction a rate slows down again at most this often (the holds since it last changed judge it)
 * @param minHolds fewer holds than this decide nothing
 * @param minSlow fewer slow (or failed) holds than this decide nothing either: one or two late answers (a pause of a
 * garbage collector) are no overload
 * @param slowestShare the least share of its configured rate a room slows down to
 * @param stepUp a healthy window raises a slowed-down rate by this share of the configured one (additive increase,
 * multiplicative decrease: the rate stays near what the hold path serves instead of swinging around it)
 * @param openingShare a room opens at this share of its rate and doubles it every {@code rampStep} while holds stay
 * healthy: the configured rate is what the admin expects the platform to serve, and the ramp finds out whether it
 * does before a crowd is in (1: the configured rate from the opening on)
 * @param rampStep how often an opening's rate doubles
 * @param seatCheckInterval how often an open room asks reservation-service whether any seat is left
 * @param openingReadsPerSecond how fast the crowd that waited for an opening reads its places then (about what one
 * gateway and one waiting-service instance serve on two cores): a room admits nobody for as long as that crowd takes
 * to read, 30 s at most, so that its first holds do not queue behind the crowd's reads
 */
@ConfigurationProperties("ticketing.waiting.room")
public record RoomProperties(@DefaultValue("PT0.5S") Duration tick, @DefaultValue("PT1S") Duration holdLatencyBound,
        @DefaultValue("0.5") double aim, @DefaultValue("0.01") double slowShare,
        @DefaultValue("0.01") double errorShare, @DefaultValue("PT5S") Duration healthWindow,
        @DefaultValue("PT1S") Duration reaction, @DefaultValue("20") int minHolds, @DefaultValue("3") int minSlow,
        @DefaultValue("0.1") double slowestShare, @DefaultValue("0.1") double stepUp,
        @DefaultValue("0.1") double openingShare, @DefaultValue("PT2S") Duration rampStep,
        @DefaultValue("PT2S") Duration seatCheckInterval, @DefaultValue("1000") int openingReadsPerSecond) {

    /** The longest an opening is quiet. */
    private static final Duration LONGEST_QUIET = Duration.ofSeconds(30);

    /** How long a room that opened with {@code crowd} customers admits nobody. */
    public Duration openingQuiet(long crowd) {
        Duration quiet = Duration.ofMillis(crowd * 1000 / openingReadsPerSecond);
        return quiet.compareTo(LONGEST_QUIET) < 0 ? quiet : LONGEST_QUIET;
    }

    /** From when on a hold counts as slow. */
    public Duration slowAfter() {
        return Duration.ofNanos(Math.round(holdLatencyBound.toNanos() * aim));
    }
}
