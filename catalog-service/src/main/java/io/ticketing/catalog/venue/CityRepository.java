package io.ticketing.catalog.venue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The cities, stored by JPA. */
interface CityRepository extends JpaRepository<City, UUID> {

    List<City> findAllByOrderByCountryAscNameAsc();

    Optional<City> findByNameAndCountry(String name, String country);
}
