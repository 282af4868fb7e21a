package io.ticketing.reservation.seating;

import java.util.ArrayList;
import java.util.List;
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
        SeatSnapshot read = read(showId);
        if (!read.seats().isEmpty()) {
            return read;
        }
        recovery.getObject().recover(showId);
        return read(showId);
    }

    private SeatSnapshot read(UUID showId) {
        SeatKeys keys = SeatKeys.of(showId);
        List<Object> result = scripts.eval(RScript.Mode.READ_ONLY, snapshot, RScript.ReturnType.LIST,
                List.of(keys.seats(), keys.counts()));
        return snapshot(showId, result, 0);
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
