package io.ticketing.catalog.demo;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns catalog-service into a one-shot generator when {@code ticketing.catalog.generate.enabled=true}:
 * it then runs next to the live service, on its database and Kafka, so it must not open the HTTP port,
 * join the service's Kafka consumer groups, resend the live service's pending events as if it had just
 * restarted, or seed demo data. These settings win over every other source.
 */
public class GenerateMode implements EnvironmentPostProcessor {

    static final String ENABLED = "ticketing.catalog.generate.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(ENABLED, Boolean.class, false)) {
            environment.getPropertySources().addFirst(new MapPropertySource("catalogGenerateMode", Map.of(
                    "spring.main.web-application-type", "none",
                    "spring.kafka.listener.auto-startup", "false",
                    "spring.modulith.events.republish-outstanding-events-on-restart", "false",
                    "ticketing.catalog.demo-data.enabled", "false")));
        }
    }
}
