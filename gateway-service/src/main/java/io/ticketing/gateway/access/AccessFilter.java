package io.ticketing.gateway.access;

import java.time.Clock;
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
import io.ticketing.identity.CallerSignatures;
import reactor.core.publisher.Mono;

/**
 * The door: checks the API key and its role, verifies the customer session where one is needed or offered,
 * and tells the services who is calling, signed ({@link CallerSignatures}) so that they believe it. Identity and
 * signature headers that arrive from outside are always removed, so nobody can claim to be another customer by
 * sending them; the API key and the session token never leave the gateway.
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

    private static final List<String> REPLACED_HEADERS = List.of(CUSTOMER_ID_HEADER, CUSTOMER_EMAIL_HEADER,
            API_CLIENT_HEADER, CallerSignatures.CALLER_HEADER, CallerSignatures.SIGNATURE_HEADER, API_KEY_HEADER);
    /** The gateway as it names itself to the services. */
    public static final String CALLER = "gateway-service";
    private static final String BEARER = "Bearer ";

    private final ApiClients clients;
    private final SessionTokens sessions;
    private final CallerSignatures signatures;
    private final Clock clock;
    private final Problems problems;

    AccessFilter(ApiClients clients, SessionTokens sessions, CallerSignatures signatures, Clock clock,
            Problems problems) {
        this.clients = clients;
        this.sessions = sessions;
        this.signatures = signatures;
        this.clock = clock;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        AccessPolicy.Requirement requirement = AccessPolicy.requirementFor(exchange.getRequest().getPath().value());
        if (requirement == AccessPolicy.Requirement.OPEN) {
            return chain.filter(forward(exchange, null, null));
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
        AccessProperties.Role role = client.get().role();
        if (requirement == AccessPolicy.Requirement.ADMIN && role != AccessProperties.Role.ADMIN) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, "ADMIN_KEY_REQUIRED",
                    "This API needs an admin key");
        }
        if (requirement == AccessPolicy.Requirement.SCANNER && role != AccessProperties.Role.SCANNER
                && role != AccessProperties.Role.ADMIN) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, "SCANNER_KEY_REQUIRED",
                    "Admitting tickets needs a scanner's key");
        }
        exchange.getAttributes().put(CLIENT_ATTRIBUTE, client.get());
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            if (requirement == AccessPolicy.Requirement.CUSTOMER) {
                return unauthorized(exchange, "SESSION_REQUIRED", "Sign in (POST /api/v1/sessions/challenges, then "
                        + "POST /api/v1/sessions) and send the session's token as Authorization: Bearer <token>");
            }
            return chain.filter(forward(exchange, client.get(), null));
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
        exchange.getAttributes().put(SESSION_ATTRIBUTE, session);
        return chain.filter(forward(exchange, client.get(), session));
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, String code, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, code, detail);
    }

    /**
     * The request as the service gets it: the identity the gateway verified (the app, the customer), signed, in place
     * of whatever identity, signature, key or token headers the client sent.
     */
    private ServerWebExchange forward(ServerWebExchange exchange, AccessProperties.ApiKey client,
            CustomerSession session) {
        String apiClient = client == null ? null : client.name();
        String customerId = session == null ? null : session.customerId().toString();
        String email = session == null ? null : session.email();
        String signature = signatures.sign(new CallerSignatures.Identity(CALLER, customerId, email, apiClient),
                clock.instant().getEpochSecond());
        return exchange.mutate()
                .request(request -> request.headers(headers -> {
                    REPLACED_HEADERS.forEach(headers::remove);
                    if (apiClient != null) {
                        headers.set(API_CLIENT_HEADER, apiClient);
                    }
                    if (session != null) {
                        headers.set(CUSTOMER_ID_HEADER, customerId);
                        if (email != null) {
                            headers.set(CUSTOMER_EMAIL_HEADER, email);
                        }
                        headers.remove(HttpHeaders.AUTHORIZATION);
                    }
                    headers.set(CallerSignatures.CALLER_HEADER, CALLER);
                    headers.set(CallerSignatures.SIGNATURE_HEADER, signature);
                }))
                .build();
    }
}
