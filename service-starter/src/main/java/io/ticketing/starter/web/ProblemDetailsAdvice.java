package io.ticketing.starter.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.ticketing.starter.RequestRejectedException;

/**
 * Answers every error as an RFC 9457 problem with a machine-readable {@code code}, so clients can branch
 * on the code rather than on English text. Client mistakes are 4xx; anything unexpected is a 500 that
 * reveals nothing about the inside.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Map<RequestRejectedException.Reason, HttpStatus> STATUS = Map.of(
            RequestRejectedException.Reason.INVALID, HttpStatus.BAD_REQUEST,
            RequestRejectedException.Reason.UNPROCESSABLE, HttpStatus.UNPROCESSABLE_CONTENT,
            RequestRejectedException.Reason.NOT_FOUND, HttpStatus.NOT_FOUND,
            RequestRejectedException.Reason.CONFLICT, HttpStatus.CONFLICT,
            RequestRejectedException.Reason.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED,
            RequestRejectedException.Reason.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
            RequestRejectedException.Reason.PRECONDITION_FAILED, HttpStatus.PRECONDITION_FAILED,
            RequestRejectedException.Reason.PRECONDITION_REQUIRED, HttpStatus.PRECONDITION_REQUIRED);

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(STATUS.get(ex.reason()), ex.getMessage());
        problem.setProperty("code", ex.code());
        ex.properties().forEach(problem::setProperty);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /**
     * Two writes of one versioned resource raced and this one lost: the version it read (and its {@code If-Match}
     * named) was replaced by the other's before it committed.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> lostRace(OptimisticLockingFailureException ex) {
        return rejected(Versions.stale());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + ex.getName() + "' has an invalid value");
        problem.setProperty("code", "INVALID_PARAMETER");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (DatabaseUnavailable.explains(ex)) {
            log.warn("Database unavailable, answered 503: {}", DatabaseUnavailable.cause(ex));
            return tryAgain("DATABASE_UNAVAILABLE",
                    "The service's database cannot take this request right now; nothing was changed, try again");
        }
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be processed");
        problem.setProperty("code", "INTERNAL_ERROR");
        return ResponseEntity.internalServerError().body(problem);
    }

    /** 503 with {@code Retry-After: 1}: a store the service needs is away for a moment, the client tries again. */
    public static ResponseEntity<ProblemDetail> tryAgain(String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        problem.setDetail("The request has invalid fields");
        problem.setProperty("code", "VALIDATION_FAILED");
        problem.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        problem.setProperty("code", "VALIDATION_FAILED");
        problem.setProperty("errors", ex.getAllErrors().stream().map(error -> String.valueOf(error.getDefaultMessage()))
                .toList());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "There is no API at this path");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeFor(statusCode));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** Codes for the errors Spring MVC raises itself, before any controller runs. */
    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status.is4xxClientError() ? "CLIENT_ERROR" : "SERVER_ERROR";
        };
    }
}
