package io.ticketing.gateway.admission;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.gateway.access.AccessFilter;
import io.ticketing.gateway.access.CustomerSession;
import io.ticketing.gateway.web.Problems;
import io.ticketing.gateway.web.RequestIdFilter;
import io.ticketing.identity.AdmissionTokens;
import reactor.core.publisher.Mono;

/**
 * The virtual waiting room's door: while a show's room is on ({@link Rooms}), a hold of that show
 * ({@code POST /api/v1/shows/{showId}/holds}) passes only with an admission token that waiting-service issued to the
 * calling customer for that show, in {@value AdmissionTokens#HEADER}; anything else is {@code 403 ADMISSION_REQUIRED}.
 * It is checked here, from the token alone, so that the refused part of an on-sale's crowd costs nothing behind the
 * gateway. Until the rooms have been read once since start, holds are {@code 503 ADMISSION_UNAVAILABLE}: which of them
 * need a token is not known yet. A show whose id is not a UUID has no room; its service answers the request.
 *
 * <p>A hold's token never reaches the service. The holds let through a room are timed from their arrival at the
 * gateway ({@link RequestIdFilter#arrivedNanos}: its session and rate limits included, as the customer waits for them
 * too) to the end of their answer (or, while they are still unanswered, up to each report) and counted for
 * waiting-service, which admits fewer customers when holding gets slow or fails. Timed from here, an arena run's
 * gateway reported 213 holds slower than half the bound where its access log had 315.
 *
 * <p>Runs after the rate limits, on the request's event loop: a look-up in memory and one HMAC, nothing that blocks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
class AdmissionGate implements WebFilter {

    /** With and without a trailing slash: the hold route matches both, so the door covers both. */
    private static final List<PathPattern> HOLDS = List.of(
            PathPatternParser.defaultInstance.parse("/api/v1/shows/{showId}/holds"),
            PathPatternParser.defaultInstance.parse("/api/v1/shows/{showId}/holds/"));
    private static final String RETRY_AFTER_SECONDS = "1";

    private final Rooms rooms;
    private final AdmissionTokens tokens;
    private final Clock clock;
    private final Problems problems;
    private final Counter required;
    private final Counter unavailable;

    AdmissionGate(Rooms rooms, AdmissionTokens tokens, Clock clock, Problems problems, MeterRegistry registry) {
        this.rooms = rooms;
        this.tokens = tokens;
        this.clock = clock;
        this.problems = problems;
        this.required = refused(registry, "ADMISSION_REQUIRED");
        this.unavailable = refused(registry, "ADMISSION_UNAVAILABLE");
    }

    private static Counter refused(MeterRegistry registry, String code) {
        return Counter.builder("ticketing.gateway.admission.refused")
                .description("Holds refused at a waiting room's door: without their customer's admission token for "
                        + "the show (ADMISSION_REQUIRED), or before the rooms were read once (ADMISSION_UNAVAILABLE)")
                .tag("code", code)
                .register(registry);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        UUID showId = showHeld(exchange.getRequest());
        if (showId == null) {
            return chain.filter(exchange);
        }
        if (!rooms.known()) {
            unavailable.increment();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "ADMISSION_UNAVAILABLE",
                    "The waiting rooms are not known yet; try again in a moment");
        }
        Rooms.Room room = rooms.of(showId);
        if (room == null) {
            return chain.filter(withoutToken(exchange));
        }
        // holds need a session (AccessPolicy), but the policy does not name a hold with a trailing slash: without a
        // session, nobody is admitted
        CustomerSession session = exchange.getAttribute(AccessFilter.SESSION_ATTRIBUTE);
        String token = exchange.getRequest().getHeaders().getFirst(AdmissionTokens.HEADER);
        if (session == null || !tokens.admits(token, showId, session.customerId(), clock.instant())) {
            required.increment();
            return problems.write(exchange, HttpStatus.FORBIDDEN, "ADMISSION_REQUIRED", "This show's waiting room is "
                    + "on: join it (POST /api/v1/shows/" + showId + "/queue) and, once admitted, send your admission "
                    + "token in the " + AdmissionTokens.HEADER + " header");
        }
        HoldTally.Hold hold = room.begin(RequestIdFilter.arrivedNanos(exchange));
        return chain.filter(withoutToken(exchange))
                .doOnSuccess(answered -> room.answered(hold, serverError(exchange.getResponse().getStatusCode())))
                // the gateway's own answer to a service that failed or timed out: a 5xx problem (ProblemErrorHandler)
                .doOnError(error -> room.answered(hold, true))
                // the client gave up waiting: counted with the time it waited
                .doOnCancel(() -> room.answered(hold, false));
    }

    /** The show a request holds seats of, or {@code null} when it is no hold or names no show by a UUID. */
    static UUID showHeld(ServerHttpRequest request) {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return null;
        }
        for (PathPattern pattern : HOLDS) {
            PathPattern.PathMatchInfo match = pattern.matchAndExtract(request.getPath().pathWithinApplication());
            if (match != null) {
                try {
                    return UUID.fromString(match.getUriVariables().get("showId"));
                }
                catch (IllegalArgumentException notUuid) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean serverError(HttpStatusCode status) {
        return status != null && status.is5xxServerError();
    }

    private static ServerWebExchange withoutToken(ServerWebExchange exchange) {
        if (!exchange.getRequest().getHeaders().containsHeader(AdmissionTokens.HEADER)) {
            return exchange;
        }
        return exchange.mutate().request(request -> request.headers(headers -> headers.remove(AdmissionTokens.HEADER)))
                .build();
    }
}
