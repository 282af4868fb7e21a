package io.ticketing.guard;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused start into Spring Boot's "APPLICATION FAILED TO START" report: what is wrong, what to do. */
final class DevelopmentDefaultsFailureAnalyzer extends AbstractFailureAnalyzer<DevelopmentDefaultsRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DevelopmentDefaultsRefused cause) {
        String description = "Outside the local profile this service refuses development defaults and missing secrets:"
                + System.lineSeparator() + "  - " + String.join(System.lineSeparator() + "  - ", cause.inEffect());
        String action = "Set each setting named above (k8s/README.md shows where each comes from). On a developer's "
                + "machine only, activate the local profile instead (SPRING_PROFILES_ACTIVE=local), as ./ticketing up, "
                + "docker compose and the tests do.";
        return new FailureAnalysis(description, action, cause);
    }
}
