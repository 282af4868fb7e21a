package io.ticketing.waiting.room;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How waiting rooms admit ({@code ticketing.waiting.room.*}).
 *
 * @param tick how often admission runs for every open room (admissions are earned by time, so the rate does not
 * depend on it; a shorter tick lets customers in more evenly)
 * @param holdLatencyBound a hold answered later than this is slow
 * @param slowShare admission slows down when more than this share of a room's holds were slow (0.01: the hold
 * path's 99th percentile crossed the bound)
 * @param errorShare ... or when more than this share failed (5xx)
 * @param healthWindow the holds that decide, the last this long of them; the rate changes at most once per window
 * @param minHolds fewer holds than this in a window decide nothing
 * @param slowestShare the least share of its configured rate a room slows down to
 * @param seatCheckInterval how often an open room asks reservation-service whether any seat is left
 */
@ConfigurationProperties("ticketing.waiting.room")
public record RoomProperties(@DefaultValue("PT0.5S") Duration tick, @DefaultValue("PT1S") Duration holdLatencyBound,
        @DefaultValue("0.01") double slowShare, @DefaultValue("0.01") double errorShare,
        @DefaultValue("PT5S") Duration healthWindow, @DefaultValue("20") int minHolds,
        @DefaultValue("0.1") double slowestShare, @DefaultValue("PT2S") Duration seatCheckInterval) {
}
