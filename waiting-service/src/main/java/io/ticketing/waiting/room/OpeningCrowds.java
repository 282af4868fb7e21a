package io.ticketing.waiting.room;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many customers wait for a room's opening, counted at most once a {@link #FRESH} per show on this instance: a
 * crowd's reads of its places before the opening are paced by its size, and a count of ten thousand places on every
 * read would cost more than the reads it spreads.
 */
final class OpeningCrowds {

    static final Duration FRESH = Duration.ofSeconds(1);

    private final TicketRepository tickets;
    private final Map<UUID, Counted> counted = new ConcurrentHashMap<>();

    OpeningCrowds(TicketRepository tickets) {
        this.tickets = tickets;
    }

    /** The customers who wait for the opening of the show's room, as counted within {@link #FRESH} of {@code now}. */
    long of(UUID showId, Instant now) {
        Counted last = counted.get(showId);
        if (last != null && now.isBefore(last.at().plus(FRESH))) {
            return last.customers();
        }
        long customers = tickets.beforeOpening(showId);
        // rooms that opened long ago are forgotten here: the map holds the shows counted within the last minute
        counted.values().removeIf(old -> old.at().isBefore(now.minus(Duration.ofMinutes(1))));
        counted.put(showId, new Counted(customers, now));
        return customers;
    }

    private record Counted(long customers, Instant at) {
    }
}
