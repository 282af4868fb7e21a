package io.ticketing.gateway.access;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.ticketing.gateway.webapp.WebApp;

/**
 * What a path asks of its caller, decided from the path alone, most specific rule first. A path no rule names is
 * refused: a new endpoint is reachable only once it is given a rule here.
 */
final class AccessPolicy {

    enum Requirement {
        /** No key: probes, API documentation, the web app's files, and Stripe's webhook (which payment-service verifies). */
        OPEN,
        /** Any valid API key; a session, if sent, must be valid and is passed on. */
        API_KEY,
        /** A valid API key and a valid customer session: the customer's own holds, waits, payments, bookings. */
        CUSTOMER,
        /** An admin API key. */
        ADMIN,
        /** A scanner's (or an admin's) API key: admitting tickets at the door. */
        SCANNER,
        /** Nobody: a path no rule names (answered 404, as if it did not exist). */
        DENIED
    }

    private record Rule(PathPattern pattern, Requirement requirement) {
    }

    private static final List<Rule> RULES = List.of(
            // the actuator answers on the management port only (this filter runs there too); nothing does here
            rule("/actuator/**", Requirement.OPEN),
            rule("/v3/api-docs/**", Requirement.OPEN),
            rule("/swagger-ui.html", Requirement.OPEN),
            rule("/swagger-ui/**", Requirement.OPEN),
            rule("/api/v1/payments/webhooks/**", Requirement.OPEN),
            rule("/api/v1/admin/**", Requirement.ADMIN),
            rule("/api/v1/sessions/current", Requirement.CUSTOMER),
            rule("/api/v1/shows/*/holds", Requirement.CUSTOMER),
            // the hot-show benchmark's baseline: the same requirement as a hold, so the comparison is like for like
            rule("/api/v1/no-op", Requirement.CUSTOMER),
            rule("/api/v1/holds/**", Requirement.CUSTOMER),
            rule("/api/v1/shows/*/waitlist", Requirement.CUSTOMER),
            rule("/api/v1/waitlist/**", Requirement.CUSTOMER),
            // a show's waiting room: joining it, and the ticket that says when its customer is admitted
            rule("/api/v1/shows/*/queue", Requirement.CUSTOMER),
            rule("/api/v1/queue/**", Requirement.CUSTOMER),
            rule("/api/v1/payments/**", Requirement.CUSTOMER),
            rule("/api/v1/bookings", Requirement.CUSTOMER),
            rule("/api/v1/bookings/**", Requirement.CUSTOMER),
            rule("/api/v1/tickets/*/admit", Requirement.SCANNER),
            // the ticket scanner's key and check: used at the door by venue apps, which have no customer session
            rule("/api/v1/tickets/**", Requirement.API_KEY),
            rule("/api/**", Requirement.API_KEY));

    private AccessPolicy() {
    }

    static Requirement requirementFor(String path) {
        if (WebApp.isAsset(path)) {
            return Requirement.OPEN;
        }
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream().filter(rule -> rule.pattern().matches(container)).map(Rule::requirement).findFirst()
                .orElse(Requirement.DENIED);
    }

    private static Rule rule(String pattern, Requirement requirement) {
        return new Rule(PathPatternParser.defaultInstance.parse(pattern), requirement);
    }
}
