package io.ticketing.gateway.access;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** What a path asks of its caller, decided from the path alone, most specific rule first. */
final class AccessPolicy {

    enum Requirement {
        /** No key: probes, API documentation, and Stripe's webhook (which payment-service verifies). */
        OPEN,
        /** Any valid API key; a session, if sent, must be valid and is passed on. */
        API_KEY,
        /** A valid API key and a valid customer session: the customer's own holds, waits, payments, bookings. */
        CUSTOMER,
        /** An admin API key. */
        ADMIN
    }

    private record Rule(PathPattern pattern, Requirement requirement) {
    }

    private static final List<Rule> RULES = rules(
            "/actuator/**", Requirement.OPEN,
            "/v3/api-docs/**", Requirement.OPEN,
            "/swagger-ui.html", Requirement.OPEN,
            "/swagger-ui/**", Requirement.OPEN,
            "/api/v1/payments/webhooks/**", Requirement.OPEN,
            "/api/v1/admin/**", Requirement.ADMIN,
            "/api/v1/shows/*/holds", Requirement.CUSTOMER,
            "/api/v1/holds/**", Requirement.CUSTOMER,
            "/api/v1/shows/*/waitlist", Requirement.CUSTOMER,
            "/api/v1/waitlist/**", Requirement.CUSTOMER,
            "/api/v1/payments/**", Requirement.CUSTOMER,
            "/api/v1/bookings", Requirement.CUSTOMER,
            "/api/v1/bookings/**", Requirement.CUSTOMER,
            "/api/**", Requirement.API_KEY);

    private AccessPolicy() {
    }

    static Requirement requirementFor(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream().filter(rule -> rule.pattern().matches(container)).map(Rule::requirement).findFirst()
                .orElse(Requirement.OPEN);
    }

    private static List<Rule> rules(Object... patternsAndRequirements) {
        var parser = PathPatternParser.defaultInstance;
        var rules = new java.util.ArrayList<Rule>();
        for (int i = 0; i < patternsAndRequirements.length; i += 2) {
            rules.add(new Rule(parser.parse((String) patternsAndRequirements[i]),
                    (Requirement) patternsAndRequirements[i + 1]));
        }
        return List.copyOf(rules);
    }
}
