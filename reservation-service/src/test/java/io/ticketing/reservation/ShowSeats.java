package io.ticketing.reservation;

import java.util.Map;

import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.testsupport.JsonApi;

/** A show's seats as tests look at them: the raw values in Redis, and the public seat map. */
final class ShowSeats {

    private ShowSeats() {
    }

    /** A seat's value in Redis ({@code AVAILABLE}, {@code HELD:<holdId>}, {@code KEPT}, ...); null when unknown. */
    static String seat(RedissonClient redis, ShowScheduled show, String seatId) {
        return redis.<String, String>getMap("show:{" + show.showId() + "}:seats", StringCodec.INSTANCE).get(seatId);
    }

    /** The show's counters in Redis: available, held, kept, seq. */
    static Map<String, String> counts(RedissonClient redis, ShowScheduled show) {
        return redis.<String, String>getMap("show:{" + show.showId() + "}:counts", StringCodec.INSTANCE).readAllMap();
    }

    /** A seat's status in the public seat map. */
    static String seatMapStatus(JsonApi api, ShowScheduled show, String seatId) {
        for (var row : api.get("/api/v1/shows/" + show.showId() + "/seats").json().path("rows")) {
            for (var seat : row.path("seats")) {
                if (seat.path("seatId").asString().equals(seatId)) {
                    return seat.path("status").asString();
                }
            }
        }
        throw new AssertionError("No seat " + seatId);
    }
}
