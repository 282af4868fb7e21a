package io.ticketing.catalog.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketing.catalog.demo-data.*}: whether an empty catalog is filled with the demo catalog on start
 * (the local stack turns it on), and how many days and shows per hall and day it has. Fewer shows make the
 * first start faster: the seeding runs before the service reports ready.
 */
@ConfigurationProperties("ticketing.catalog.demo-data")
public record DemoDataProperties(@DefaultValue("false") boolean enabled, @DefaultValue("7") int days,
        @DefaultValue("4") int showsPerDay) {
}
