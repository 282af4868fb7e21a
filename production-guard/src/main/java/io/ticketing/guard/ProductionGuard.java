package io.ticketing.guard;

import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Fails closed: outside the {@code local} profile a service does not start while any of its
 * {@link DevelopmentDefaults} is in effect, and says which settings to change. Runs once the environment is
 * prepared and logging is set up, before any bean exists, so that a refused service touches nothing (no database
 * migration, no Kafka consumer, no port). A training run, which exits before it could serve, is let through.
 * {@code ./ticketing up}, docker compose and the tests switch the profile
 * on; the Kubernetes base and its production overlay do not.
 */
public final class ProductionGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** The profile of a developer's machine, the only place development defaults are allowed. */
    public static final String LOCAL_PROFILE = "local";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (environment.matchesProfiles(LOCAL_PROFILE) || isTrainingRun()) {
            return;
        }
        List<String> inEffect = SpringFactoriesLoader
                .forDefaultResourceLocation(event.getSpringApplication().getClassLoader())
                .load(DevelopmentDefaults.class).stream()
                .flatMap(defaults -> defaults.inEffect(environment).stream())
                .toList();
        if (!inEffect.isEmpty()) {
            throw new DevelopmentDefaultsRefused(inEffect);
        }
    }

    /**
     * A process that exits once its context is refreshed (the image's training run, see the Dockerfile) opens no
     * port, consumes nothing and serves no one: the values it runs with protect nothing.
     */
    static boolean isTrainingRun() {
        // read where Spring reads it (a system property), not from the environment: a variable that only made the
        // guard believe in a training run would let a serving process through
        return DefaultLifecycleProcessor.ON_REFRESH_VALUE
                .equalsIgnoreCase(SpringProperties.getProperty(DefaultLifecycleProcessor.EXIT_PROPERTY_NAME));
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 2; // after DatabaseMigration (service-starter)
    }
}
