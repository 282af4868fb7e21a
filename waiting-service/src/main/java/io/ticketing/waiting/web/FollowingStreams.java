package io.ticketing.waiting.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Server-Sent Event streams that each follow one customer's wait (an entry in a waiting line, a place in a waiting
 * room) on a virtual thread of their own: an event with it now, then every read of it that differs from the last one
 * as an event, and one that does not as a comment, until an event says it no longer waits. A write that finds the
 * client gone, or a read that fails, ends the stream with an error: the client reconnects. The streams open on this
 * instance are a gauge ({@code ticketing.streams.open}, tagged with the kind of stream).
 */
public final class FollowingStreams {

    /** A stream ends after this long (a wait lasts an hour at most), and the client reconnects. */
    private static final Duration TIMEOUT = Duration.ofMinutes(65);

    private final String kind;
    private final String event;
    private final AtomicInteger open = new AtomicInteger();

    /** Streams of {@code kind} (the gauge's {@code stream} tag), whose events are named {@code event}. */
    public FollowingStreams(String kind, String event, MeterRegistry meters) {
        this.kind = kind;
        this.event = event;
        Gauge.builder("ticketing.streams.open", open, AtomicInteger::get)
                .description("Server-Sent Event streams open on this instance").tag("stream", kind)
                .register(meters);
    }

    /**
     * A stream of {@code first} and what {@code next} reads after it, while {@code waits}.
     *
     * @param id what the stream follows, for its thread's name
     * @param next the wait read again: once it changed, or after a while when it did not
     */
    public <T> SseEmitter follow(Object id, T first, Predicate<T> waits, UnaryOperator<T> next) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        open.incrementAndGet();
        Thread.ofVirtual().name(kind + "-stream-" + id).start(() -> run(emitter, first, waits, next));
        return emitter;
    }

    private <T> void run(SseEmitter emitter, T first, Predicate<T> waits, UnaryOperator<T> next) {
        try {
            T last = first;
            emitter.send(SseEmitter.event().name(event).data(last, MediaType.APPLICATION_JSON));
            while (waits.test(last)) {
                T now = next.apply(last);
                if (now.equals(last)) {
                    emitter.send(SseEmitter.event().comment("waiting"));
                }
                else {
                    emitter.send(SseEmitter.event().name(event).data(now, MediaType.APPLICATION_JSON));
                }
                last = now;
            }
            emitter.complete();
        }
        catch (IOException | RuntimeException ex) {
            emitter.completeWithError(ex);
        }
        finally {
            open.decrementAndGet();
        }
    }
}
