package io.ticketing.reservation.stream;

import java.io.IOException;

/** Where a stream's events go: a client's open HTTP response. Called by one thread at a time. */
public interface StreamSink {

    void send(String event, long id, Object data) throws IOException;

    /** A comment line that keeps an idle connection open. */
    void heartbeat() throws IOException;

    /** Ends the response; the client reconnects and starts from a fresh snapshot. */
    void close();
}
