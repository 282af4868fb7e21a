package io.ticketing.gateway.web;

import static io.ticketing.gateway.web.Problems.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.ticketing.gateway.routing.ServiceInstances;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Every error the gateway itself raises — no route, a service down or too slow — becomes an RFC 9457 problem
 * with a machine {@code code}, never an HTML page or a stack trace.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final Problems problems;

    ProblemErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ErrorResponse response && response.getBody().getProperties() != null
                && response.getBody().getProperties().containsKey("code")) {
            // a problem the gateway's own endpoints raise, code and all (a sign-in code refused, say)
            exchange.getResponse().getHeaders().addAll(response.getHeaders());
            return problems.write(exchange, response.getBody());
        }
        return problems.write(exchange, problemFor(error));
    }

    private ProblemDetail problemFor(Throwable error) {
        if (error instanceof WebExchangeBindException invalid) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields");
            problem.setProperty("errors", invalid.getFieldErrors().stream()
                    .map(field -> Map.of("field", field.getField(), "message",
                            String.valueOf(field.getDefaultMessage())))
                    .toList());
            return problem;
        }
        HttpStatusCode declared = declaredStatus(error);
        if (declared != null && declared.value() != 500) {
            return switch (declared.value()) {
                case 503 -> unavailable();
                case 504 -> timedOut();
                case 404 -> problem(declared, "NOT_FOUND", "There is no API at this path");
                default -> problem(declared, codeFor(declared),
                        error instanceof ResponseStatusException status ? status.getReason() : declared.toString());
            };
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, ConnectTimeoutException.class)) {
            log.warn("Service unreachable: {}", error.toString());
            return unavailable();
        }
        if (causedBy(error, AbortedException.class)) {
            // the connection closed before the request went out on it (a pooled connection to a service that died or
            // closed it) and no other instance took the request (ServiceRouting): the service is away, not the gateway
            log.warn("Connection to the service closed before the request was sent: {}", error.toString());
            return unavailable();
        }
        if (causedBy(error, PrematureCloseException.class)) {
            // the service went away (killed, restarted) after the request reached it and before it answered
            log.warn("Service closed the connection before answering: {}", error.toString());
            return unavailable();
        }
        if (causedBy(error, TimeoutException.class) || causedBy(error, ReadTimeoutException.class)) {
            // the service sent nothing for its route's time limit (ServiceRouting), before its headers or after them
            return timedOut();
        }
        if (causedBy(error, IOException.class)) {
            // the connection to the service broke: reset by a service killed in the middle of the request ("Connection
            // reset by peer"), or a broken pipe; like a premature close, the service is away, not the gateway broken
            log.warn("Connection to the service broke: {}", error.toString());
            return unavailable();
        }
        log.error("Unexpected gateway error", error);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "The request could not be processed");
    }

    private static ProblemDetail unavailable() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", "The service is unavailable, try again shortly");
    }

    private static ProblemDetail timedOut() {
        return problem(HttpStatus.GATEWAY_TIMEOUT, "SERVICE_TIMEOUT", "The service did not answer in time");
    }

    private static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status.is4xxClientError() ? "CLIENT_ERROR" : "SERVER_ERROR";
        };
    }

    /** The status an exception stands for: its own, or its {@link ResponseStatus} annotation's. */
    private static HttpStatusCode declaredStatus(Throwable error) {
        if (error instanceof ResponseStatusException status) {
            return status.getStatusCode();
        }
        ResponseStatus annotation = AnnotatedElementUtils.findMergedAnnotation(error.getClass(), ResponseStatus.class);
        return annotation == null ? null : annotation.code();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        return ServiceInstances.anyCause(error, type::isInstance);
    }
}
