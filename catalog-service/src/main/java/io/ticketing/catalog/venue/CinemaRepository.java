package io.ticketing.catalog.venue;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The cinemas, stored by JPA. */
interface CinemaRepository extends JpaRepository<Cinema, UUID> {

    List<Cinema> findByCityIdOrderByNameAscIdAsc(UUID cityId);

    boolean existsByCityId(UUID cityId);
}
