package io.ticketing.catalog.demo;

import java.util.List;

import io.ticketing.guard.DevelopmentDefaults;
import org.springframework.core.env.Environment;

/** The demo catalog (real cities, well-known movies, made-up cinemas and prices) belongs on a developer's machine. */
public final class DemoDataDefaults implements DevelopmentDefaults {

    static final String ENABLED = "ticketing.catalog.demo-data.enabled";

    @Override
    public List<String> inEffect(Environment environment) {
        if (environment.getProperty(ENABLED, Boolean.class, false)) {
            return List.of(ENABLED + " is true: the demo catalog is development data ("
                    + DevelopmentDefaults.variable(ENABLED) + "=false)");
        }
        return List.of();
    }
}
