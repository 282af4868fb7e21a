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

    /**
     * The throwaway secrets of the image's training run ({@code image/training.env}): published there, so refused
     * like any other published value, whichever setting they turn up in.
     */
    Set<String> TRAINING_RUN_SECRETS = Set.of(
            "MC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "training-run-only-not-a-secret-of-32-bytes-or-more",
            "sk_test_training_run_only", "whsec_training_run_only");

    /** One sentence per development default in effect or secret missing, naming the setting to change. */
    List<String> inEffect(Environment environment);

    /**
     * The sentence for a setting that must be set, and must not be one of the values the repository publishes
     * (those given, and the {@link #TRAINING_RUN_SECRETS}).
     *
     * @param published values anyone can read in this repository (its defaults, the README, compose)
     */
    static Optional<String> secret(Environment environment, String property, Set<String> published) {
        String value = environment.getProperty(property, "");
        if (value.isBlank()) {
            return Optional.of(property + " is not set (" + variable(property) + ")");
        }
        if (published.contains(value) || TRAINING_RUN_SECRETS.contains(value)) {
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
