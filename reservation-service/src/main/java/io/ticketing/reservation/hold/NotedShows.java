package io.ticketing.reservation.hold;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shows that may have holds in Redis, for the hold sweeper: each with the number of the last change noted of it, so
 * that a show is forgotten only if it did not change since it was looked at.
 *
 * <p>An instance that does not sweep notes the shows too, so that it knows them at once if it takes the sweep over. It
 * needs only those of the last while: a hold is in Redis only until its record commits in PostgreSQL, before its
 * request is answered, and a sweeper that takes over reads the shows PostgreSQL records open holds of. So it forgets,
 * at each {@link #forgetUnchangedSinceLastTime}, the shows not noted since the call before, and does not grow with
 * every show that ever changed.
 */
final class NotedShows {

    private final Map<UUID, Long> shows = new ConcurrentHashMap<>();
    private final AtomicLong noted = new AtomicLong();
    /** The last change noted at the previous {@link #forgetUnchangedSinceLastTime}. */
    private long lastTime;

    /** The show may have holds in Redis now. */
    void note(UUID showId) {
        shows.put(showId, noted.incrementAndGet());
    }

    /** The shows noted, each with the number of its last change. */
    Map<UUID, Long> now() {
        return Map.copyOf(shows);
    }

    /** Forgets the show, unless it changed after {@code change}, the number it had when it was looked at. */
    void forget(UUID showId, long change) {
        shows.remove(showId, change);
    }

    /** Forgets the shows not noted since the previous call. */
    void forgetUnchangedSinceLastTime() {
        long before = lastTime;
        lastTime = noted.get();
        shows.values().removeIf(change -> change <= before);
    }
}
