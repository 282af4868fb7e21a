package io.ticketing.reservation.stream.web;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.ticketing.reservation.stream.StreamSink;

/** A stream's events as Server-Sent Events of one HTTP response. */
record EmitterSink(SseEmitter emitter) implements StreamSink {

    @Override
    public void send(String event, long id, Object data) throws IOException {
        emitter.send(SseEmitter.event().name(event).id(Long.toString(id)).data(data, MediaType.APPLICATION_JSON));
    }

    @Override
    public void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("heartbeat"));
    }

    @Override
    public void close() {
        try {
            emitter.complete();
        }
        catch (RuntimeException ex) {
            // the response is gone already
        }
    }
}
