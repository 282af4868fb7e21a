package io.ticketing.reservation.seating;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.redisson.api.RPatternTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.PatternStatusListener;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every seat change of every show, from one Redis pattern subscription per instance ({@value #PATTERN}),
 * handed to the parts of the service that follow them: the seat-map streams and the availability reports.
 * Redis delivers one channel's messages in order and Redisson keeps that order, so each listener sees a
 * show's changes by growing sequence; it must not block, since it holds up the changes of every show. Subscribes
 * when the context starts, before the web server takes requests, not while beans are created: a context that is
 * only refreshed (the image's training run) touches no Redis.
 */
@Component
public class SeatChanges implements SmartLifecycle {

    /** Matches {@link SeatKeys#changes()} of every show. */
    public static final String PATTERN = "show:*:seats:changes";

    private static final Logger log = LoggerFactory.getLogger(SeatChanges.class);

    private final RPatternTopic topic;
    private final List<Consumer<SeatChange>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> resubscribed = new CopyOnWriteArrayList<>();
    private volatile List<Integer> registrations = List.of();

    SeatChanges(RedissonClient redis) {
        this.topic = redis.getPatternTopic(PATTERN, StringCodec.INSTANCE);
    }

    @Override
    public void start() {
        registrations = List.of(
                topic.addListener(String.class, (pattern, channel, message) -> dispatch(channel.toString(), message)),
                topic.addListener(new PatternStatusListener() {
                    @Override
                    public void onPSubscribe(String pattern) {
                        // after a lost connection, changes may have been missed: followers catch up
                        resubscribed.forEach(Runnable::run);
                    }

                    @Override
                    public void onPUnsubscribe(String pattern) {
                    }
                }));
    }

    /**
     * Calls {@code listener} with every change from now on, and {@code onResubscribe} whenever the
     * subscription was (re)established, after which changes published in between may be missing.
     */
    public void follow(Consumer<SeatChange> listener, Runnable onResubscribe) {
        listeners.add(listener);
        resubscribed.add(onResubscribe);
    }

    private void dispatch(String channel, String message) {
        var change = SeatChange.parse(channel, message);
        if (change.isEmpty()) {
            log.warn("Ignoring a malformed seat change on {}: {}", channel, message);
            return;
        }
        for (Consumer<SeatChange> listener : listeners) {
            try {
                listener.accept(change.get());
            }
            catch (RuntimeException ex) {
                log.warn("A seat change listener failed on {}", channel, ex);
            }
        }
    }

    /** Without waiting: when Redis is gone already, a blocking unsubscribe would hold up the shutdown. */
    @Override
    public void stop() {
        topic.removeListenerAsync(registrations.toArray(Integer[]::new));
        registrations = List.of();
    }

    @Override
    public boolean isRunning() {
        return !registrations.isEmpty();
    }

    /** Early, so that the subscription exists before the web server (a later phase) lets a seat-map stream in. */
    @Override
    public int getPhase() {
        return 0;
    }
}
