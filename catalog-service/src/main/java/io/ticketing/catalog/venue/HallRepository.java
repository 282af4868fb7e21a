package io.ticketing.catalog.venue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The halls, stored by JPA with their layouts as JSON. */
interface HallRepository extends JpaRepository<Hall, UUID> {

    /** The hall, its row locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT h FROM Hall h WHERE h.id = :id")
    Optional<Hall> findLocked(UUID id);

    @Query("SELECT h.id FROM Hall h WHERE h.cinemaId = :cinemaId AND h.name = :name")
    Optional<UUID> findIdByCinemaIdAndName(UUID cinemaId, String name);

    @Query("""
            SELECT new io.ticketing.catalog.venue.HallSummary(h.id, h.name, h.seatCount) FROM Hall h
            WHERE h.cinemaId = :cinemaId ORDER BY h.name""")
    List<HallSummary> summaries(UUID cinemaId);

    boolean existsByCinemaId(UUID cinemaId);

    @Query("SELECT count(s) > 0 FROM Show s WHERE s.hallId = :hallId")
    boolean hasShows(UUID hallId);

    @Query("SELECT count(s) > 0 FROM Show s WHERE s.hallId = :hallId AND s.status = SCHEDULED AND s.endsAt > :now")
    boolean hasShowsToCome(UUID hallId, Instant now);
}
