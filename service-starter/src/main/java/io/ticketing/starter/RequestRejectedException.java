package io.ticketing.starter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client request the service refuses, with a stable machine-readable {@code code} for clients. The web
 * layer turns it into an RFC 9457 problem; domain code stays free of HTTP types by naming the
 * {@link Reason} instead of a status. An expected answer, not a fault: it carries no stack trace, which would cost
 * more than the rest of a refused hold.
 */
public class RequestRejectedException extends RuntimeException {

    /** Why a request is refused; decides the HTTP status. */
    public enum Reason {
        /** Malformed or semantically invalid input (400). */
        INVALID,
        /** Well-formed input that breaks a business rule (422). */
        UNPROCESSABLE,
        /** The resource does not exist, or is not the caller's (404). */
        NOT_FOUND,
        /** The request conflicts with the current state (409). */
        CONFLICT,
        /** The caller is not known: no customer session (401). */
        UNAUTHENTICATED,
        /** Something the service needs is down for now; the same request may succeed later (503). */
        UNAVAILABLE,
        /** The write was based on a version of the resource that is no longer the current one (412). */
        PRECONDITION_FAILED,
        /** The write must name the version it was based on, and did not (428). */
        PRECONDITION_REQUIRED
    }

    private final Reason reason;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public RequestRejectedException(Reason reason, String code, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
        this.code = code;
    }

    public static RequestRejectedException notFound(String code, String detail) {
        return new RequestRejectedException(Reason.NOT_FOUND, code, detail);
    }

    public static RequestRejectedException invalid(String code, String detail) {
        return new RequestRejectedException(Reason.INVALID, code, detail);
    }

    public static RequestRejectedException conflict(String code, String detail) {
        return new RequestRejectedException(Reason.CONFLICT, code, detail);
    }

    public static RequestRejectedException unavailable(String code, String detail) {
        return new RequestRejectedException(Reason.UNAVAILABLE, code, detail);
    }

    public static RequestRejectedException unprocessable(String code, String detail) {
        return new RequestRejectedException(Reason.UNPROCESSABLE, code, detail);
    }

    /** Adds a field to the problem the caller gets, next to {@code code}: what the client needs to act on it. */
    public RequestRejectedException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }
}
