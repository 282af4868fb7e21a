package io.ticketing.reservation.seating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Reads the live seat state of a show from Redis together with the sequence number it is current to. */
@Component
public class LiveSeats {

    private final RScript scripts;
    private final String snapshot = SeatScripts.load("redis/snapshot.lua");
    /** Provided lazily: the recovery depends on the seating beans. */
    private final ObjectProvider<SeatStateRecovery> recovery;

    LiveSeats(RedissonClient redis, ObjectProvider<SeatStateRecovery> recovery) {
        this.scripts = redis.getScript(StringCodec.INSTANCE);
        this.recovery = recovery;
    }

    /**
     * All seats and the sequence of the last change they include, read atomically; the seat state is rebuilt
     * first if Redis lost it.
     */
    public SeatSnapshot snapshot(UUID showId) {
        return snapshot(showId, read(showId), 0);
    }

    /**
     * A snapshot and, for each hold it shows, the hold's seats: what a seat map needs to mark a reader's own seats
     * (the snapshot's statuses do not say whose hold a seat is in).
     */
    public WithHolds snapshotWithHolds(UUID showId) {
        List<Object> result = read(showId);
        Map<String, List<String>> seatsByHold = new HashMap<>();
        for (int i = 2; i < result.size(); i += 2) {
            String seat = (String) result.get(i - 1);
            SeatState.holdOf((String) result.get(i))
                    .ifPresent(hold -> seatsByHold.computeIfAbsent(hold, h -> new ArrayList<>(4)).add(seat));
        }
        return new WithHolds(snapshot(showId, result, 0), seatsByHold);
    }

    /** @param seatsByHold the seats of each hold of the snapshot, by the hold's id as text */
    public record WithHolds(SeatSnapshot snapshot, Map<String, List<String>> seatsByHold) {
    }

    /** The snapshot script's answer; the seat state is rebuilt first if Redis lost it. */
    private List<Object> read(UUID showId) {
        List<Object> result = eval(showId);
        if (result.size() > 1) {
            return result;
        }
        recovery.getObject().recover(showId);
        return eval(showId);
    }

    private List<Object> eval(UUID showId) {
        SeatKeys keys = SeatKeys.of(showId);
        return scripts.eval(RScript.Mode.READ_ONLY, snapshot, RScript.ReturnType.LIST, List.of(keys.seats(), keys.counts()));
    }

    /**
     * Reads {@code seq, seatId, status, seatId, status, ...} from {@code from} on, as the seat scripts that
     * read a show's seats return them.
     */
    public static SeatSnapshot snapshot(UUID showId, List<Object> result, int from) {
        long sequence = Long.parseLong((String) result.get(from));
        List<SeatStatus> seats = new ArrayList<>((result.size() - from) / 2);
        for (int i = from + 1; i + 1 < result.size(); i += 2) {
            seats.add(SeatStatus.of((String) result.get(i), (String) result.get(i + 1)));
        }
        return new SeatSnapshot(showId, sequence, seats);
    }
}
