package io.ticketing.reservation.stream;

/** This instance has as many open streams as it may serve (or is shutting down); the client retries. */
public class StreamsFull extends RuntimeException {

    public StreamsFull(String message) {
        super(message);
    }
}
