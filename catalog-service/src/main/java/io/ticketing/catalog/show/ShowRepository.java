package io.ticketing.catalog.show;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The shows, stored by JPA with their prices. */
interface ShowRepository extends JpaRepository<Show, UUID> {

    /** Later than any show (a bound PostgreSQL can store, unlike {@link Instant#MAX}). */
    Instant NO_END = Instant.parse("9999-12-31T00:00:00Z");

    /** Whether another show of the hall with this status overlaps the given time. */
    @Query("""
            SELECT count(s) > 0 FROM Show s
            WHERE s.hallId = :hallId AND s.id <> :showId AND s.status = :status
              AND s.startsAt < :endsAt AND s.endsAt > :startsAt""")
    boolean overlaps(UUID hallId, UUID showId, Show.Status status, Instant startsAt, Instant endsAt);

    /** The shows of a hall that start at or after {@code from} and before {@code to} (null: no bound), by start. */
    default List<Show> inHall(UUID hallId, Instant from, Instant to) {
        return startingBetween(hallId, from == null ? Instant.EPOCH : from, to == null ? NO_END : to);
    }

    @Query("""
            SELECT s FROM Show s WHERE s.hallId = :hallId AND s.startsAt >= :from AND s.startsAt < :to
            ORDER BY s.startsAt, s.id""")
    List<Show> startingBetween(UUID hallId, Instant from, Instant to);
}
