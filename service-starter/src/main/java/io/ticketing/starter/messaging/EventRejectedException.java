package io.ticketing.starter.messaging;

/**
 * An event that can never be applied however often it is tried: it breaks its contract (it lacks what its consumer
 * must have, or contradicts what the consumer knows for certain). A consumer throws this to send the event to its
 * service's dead letters at once; every other failure is taken as transient and retried with backoff for as long as it
 * lasts, so an event that could still be applied is never skipped.
 */
public class EventRejectedException extends RuntimeException {

    public EventRejectedException(String message) {
        super(message);
    }
}
