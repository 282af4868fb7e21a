package io.ticketing.reservation.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A client's response that keeps what was sent to it as {@code event#id}, and can fail as a gone client does. */
final class RecordingSink implements StreamSink {
    final List<String> sent = new ArrayList<>();
    final List<Object> data = new ArrayList<>();
    boolean closed;
    boolean failing;

    @Override
    public synchronized void send(String event, long id, Object data) throws IOException {
        if (failing) {
            throw new IOException("broken pipe");
        }
        sent.add(event + "#" + id);
        this.data.add(data);
    }

    @Override
    public void heartbeat() {
        sent.add("heartbeat");
    }

    @Override
    public void close() {
        closed = true;
    }
}

