package io.ticketing.gateway.access;

import java.util.List;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.ticketing.gateway.web.Problems;
import reactor.core.publisher.Mono;

/**
 * The door: checks the API key and its role, verifies the customer session where one is needed or offered,
 * and tells the services who is calling. Identity headers that arrive from outside are always removed, so
 * nobody can claim to be another customer by sending them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AccessFilter implements WebFilter {

    public static final String API_KEY_HEADER = "X-API-Key";
    /** The verified customer, for services. */
    public static final String CUSTOMER_ID_HEADER = "X-Customer-Id";
    public static final String CUSTOMER_EMAIL_HEADER = "X-Customer-Email";
    /** The name of the calling app's API key, for services' logs. */
    public static final String API_CLIENT_HEADER = "X-Api-Client";
    public static final String CLIENT_ATTRIBUTE = AccessFilter.class.getName() + ".client";
    public static final String SESSION_ATTRIBUTE = AccessFilter.class.getName() + ".session";

    private static final List<String> IDENTITY_HEADERS = List.of(CUSTOMER_ID_HEADER, CUSTOMER_EMAIL_HEADER,
            API_CLIENT_HEADER);
    private static final String BEARER = "Bearer ";

    private final ApiClients clients;
    private final SessionTokens sessions;
    private final Problems problems;

    AccessFilter(ApiClients clients, SessionTokens sessions, Problems problems) {
        this.clients = clients;
        this.sessions = sessions;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerWebExchange stripped = exchange.mutate()
                .request(request -> request.headers(headers -> IDENTITY_HEADERS.forEach(headers::remove)))
                .build();
        AccessPolicy.Requirement requirement = AccessPolicy.requirementFor(exchange.getRequest().getPath().value());
        if (requirement == AccessPolicy.Requirement.OPEN) {
            return chain.filter(stripped);
        }
        if (requirement == AccessPolicy.Requirement.DENIED) {
            return problems.write(exchange, HttpStatus.NOT_FOUND, "NOT_FOUND", "There is no API at this path");
        }
        String apiKey = exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER);
        if (apiKey == null || apiKey.isBlank()) {
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "API_KEY_MISSING",
                    "Send your application's API key in the " + API_KEY_HEADER + " header");
        }
        Optional<AccessProperties.ApiKey> client = clients.identify(apiKey);
        if (client.isEmpty()) {
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "API_KEY_INVALID", "The API key is not valid");
        }
        if (requirement == AccessPolicy.Requirement.ADMIN && client.get().role() != AccessProperties.Role.ADMIN) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, "ADMIN_KEY_REQUIRED",
                    "This API needs an admin key");
        }
        stripped.getAttributes().put(CLIENT_ATTRIBUTE, client.get());
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            if (requirement == AccessPolicy.Requirement.CUSTOMER) {
                return unauthorized(exchange, "SESSION_REQUIRED",
                        "Sign in (POST /api/v1/sessions/challenges, then POST /api/v1/sessions) and send the session's token "
                                + "as Authorization: Bearer <token>");
            }
            return chain.filter(withClient(stripped, client.get()));
        }
        if (!authorization.startsWith(BEARER)) {
            return unauthorized(exchange, "SESSION_INVALID", "Authorization must be a Bearer session token");
        }
        CustomerSession session;
        try {
            session = sessions.verify(authorization.substring(BEARER.length()).strip());
        }
        catch (SessionTokens.InvalidSession invalid) {
            return unauthorized(exchange, invalid.code(), invalid.getMessage());
        }
        stripped.getAttributes().put(SESSION_ATTRIBUTE, session);
        return chain.filter(withCustomer(withClient(stripped, client.get()), session));
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, String code, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, code, detail);
    }

    private static ServerWebExchange withClient(ServerWebExchange exchange, AccessProperties.ApiKey client) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> {
                    headers.set(API_CLIENT_HEADER, client.name());
                    headers.remove(API_KEY_HEADER);
                }))
                .build();
    }

    private static ServerWebExchange withCustomer(ServerWebExchange exchange, CustomerSession session) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> {
                    headers.set(CUSTOMER_ID_HEADER, session.customerId().toString());
                    if (session.email() != null) {
                        headers.set(CUSTOMER_EMAIL_HEADER, session.email());
                    }
                    headers.remove(HttpHeaders.AUTHORIZATION);
                }))
                .build();
    }
}
