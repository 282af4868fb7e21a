package io.ticketing.catalog.demo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketing.catalog.generate.*}: with {@code enabled=true} the service runs once as a generator — no
 * web server — loads a synthetic catalog of the given size into its database, waits until every event has
 * left the outbox and exits. The defaults are {@link CatalogGenerator.Settings#DEFAULTS}.
 *
 * @param drainTimeout how long to wait for the outbox to empty after loading
 */
@ConfigurationProperties("ticketing.catalog.generate")
public record GenerateProperties(@DefaultValue("false") boolean enabled, @DefaultValue("500") int cities,
        @DefaultValue("10") int cinemasPerCity, @DefaultValue("1") int hallsPerCinema,
        @DefaultValue("50") int seatsPerHall, @DefaultValue("2") int showsPerDay, @DefaultValue("1") int days,
        @DefaultValue("42") long seed, @DefaultValue("PT10M") Duration drainTimeout) {

    public CatalogGenerator.Settings settings() {
        return new CatalogGenerator.Settings(cities, cinemasPerCity, hallsPerCinema, seatsPerHall, showsPerDay, days,
                seed);
    }
}
