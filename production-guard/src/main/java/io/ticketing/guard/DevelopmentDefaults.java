package io.ticketing.guard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.env.Environment;

/**
 * What one service runs with on a developer's machine that a deployment must not: a value it falls back to
 * (simulated payments, a published key or secret, a signing key generated at start, demo data) or a secret that
 * nobody set. A service lists its implementation in its {@code META-INF/spring.factories} under this interface's
 * name; {@link ProductionGuard} asks every one of them before the service starts outside the {@code local} profile.
 */
@FunctionalInterface
public interface DevelopmentDefaults {

    /** One sentence per development default in effect or secret missing, naming the setting to change. */
    List<String> inEffect(Environment environment);

    /**
     * The sentence for a setting that must be set, and must not be one of the values the repository publishes.
     *
     * @param published values anyone can read in this repository (its defaults, the README, compose)
     */
    static Optional<String> secret(Environment environment, String property, Set<String> published) {
        String value = environment.getProperty(property, "");
        if (value.isBlank()) {
            return Optional.of(property + " is not set (" + variable(property) + ")");
        }
        if (published.contains(value)) {
            return Optional.of(property + " is a development value published in this repository: set your own ("
                    + variable(property) + ")");
        }
        return Optional.empty();
    }

    /** The environment variable that sets a property, as the deployment manifests spell it. */
    static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[.\\-\\[\\]]+", "_").replaceAll("_$", "");
    }
}
