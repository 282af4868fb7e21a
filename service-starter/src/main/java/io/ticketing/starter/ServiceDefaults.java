package io.ticketing.starter;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's defaults (probes, graceful shutdown, problem details, the {@code ticketing.*}
 * connection settings and how Spring's own settings derive from them) with the lowest precedence, so a
 * service's {@code application.yml}, its environment variables and its command line all override them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "ticketing-service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("ticketingServiceDefaults",
                    new ClassPathResource(RESOURCE, ServiceDefaults.class.getClassLoader())));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
