package io.ticketing.reservation.stream;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.reservation.seating.LiveSeats;
import io.ticketing.reservation.seating.SeatChange;
import io.ticketing.reservation.seating.SeatChanges;
import io.ticketing.reservation.seating.SeatSnapshot;

/**
 * The open seat-map streams of this instance, by show. Each change from the instance's one Redis
 * subscription goes to the streams of its show only. At most {@code max-connections} are open at once; on
 * shutdown every stream is ended first, so the web server's graceful shutdown does not wait for them and
 * clients reconnect to another instance. How many are open is the gauge {@code ticketing.streams.open}
 * ({@code stream=seat-map}).
 * <p>
 * Streams of one show that want a snapshot at once share one read of it ({@link SharedReads}): a snapshot of an
 * arena's 60,000 seats keeps Redis busy for 40-90 ms, and fifty streams opened together, each reading its own, kept
 * every Redis connection of the instance busy for seconds. How many snapshots were read is the counter
 * {@code ticketing.streams.snapshots} ({@code stream=seat-map}).
 */
@Service
public class SeatStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SeatStreams.class);

    private final StreamProperties properties;
    private final Map<UUID, Set<SeatStream>> byShow = new ConcurrentHashMap<>();
    /**
     * The sequence of the last change of each show with streams, so that a change that does not follow it is logged
     * once, not by each stream that starts over for it. Touched by the one thread that delivers changes.
     */
    private final Map<UUID, Long> lastChange = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    /** Writes to clients and reads snapshots; one virtual thread per task. */
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private final SharedReads<UUID, SeatSnapshot> snapshots;
    /** Until shutdown; streams are refused from then on. */
    private volatile boolean accepting = true;
    private volatile boolean running;

    SeatStreams(SeatChanges changes, LiveSeats live, StreamProperties properties, MeterRegistry meters) {
        this.properties = properties;
        Counter reads = Counter.builder("ticketing.streams.snapshots")
                .description("Snapshots of a show's seats read for the seat streams that open or start over")
                .tag("stream", "seat-map").register(meters);
        this.snapshots = new SharedReads<>(showId -> {
            reads.increment();
            return live.snapshot(showId);
        }, writers);
        changes.follow(this::changed, this::resubscribed);
        Gauge.builder("ticketing.streams.open", open, AtomicInteger::get)
                .description("Server-Sent Event streams open on this instance").tag("stream", "seat-map")
                .register(meters);
    }

    /**
     * Opens a stream of the show's seats into {@code sink}: it listens for changes first, then gets a snapshot read
     * after that, so no change can fall between the two.
     *
     * @throws StreamsFull when this instance serves as many streams as it may, or is shutting down
     */
    public OpenStream open(UUID showId, StreamSink sink) {
        if (!accepting) {
            throw new StreamsFull("The service is shutting down");
        }
        if (open.incrementAndGet() > properties.maxConnections()) {
            open.decrementAndGet();
            throw new StreamsFull("This instance serves " + properties.maxConnections() + " seat streams already");
        }
        var stream = new SeatStream[1];
        stream[0] = new SeatStream(showId, sink, writers, properties.maxQueuedEvents(), properties.eventInterval(),
                this::resync, () -> forget(stream[0]));
        byShow.computeIfAbsent(showId, id -> ConcurrentHashMap.newKeySet()).add(stream[0]);
        try {
            stream[0].synced(snapshot(showId));
        }
        catch (RuntimeException ex) {
            stream[0].ended();
            throw ex;
        }
        if (!accepting) {
            // opened while shutdown ended the others
            stream[0].close();
        }
        return stream[0]::ended;
    }

    /** An open stream; {@link #ended()} is called when its response ended, whatever the reason. */
    @FunctionalInterface
    public interface OpenStream {
        void ended();
    }

    /** Streams open on this instance. */
    public int openStreams() {
        return open.get();
    }

    @Scheduled(fixedRateString = "${ticketing.reservation.stream.heartbeat-interval:PT15S}")
    void heartbeat() {
        byShow.values().forEach(streams -> streams.forEach(SeatStream::heartbeat));
    }

    private void changed(SeatChange change) {
        Set<SeatStream> streams = byShow.get(change.showId());
        if (streams != null) {
            Long last = lastChange.put(change.showId(), change.sequence());
            if (last != null && change.sequence() != last + 1) {
                log.warn("Seat change {} of show {} came after change {}: changes were lost or came out of order, so "
                        + "its {} streams start over from a fresh snapshot", change.sequence(), change.showId(), last,
                        streams.size());
            }
            streams.forEach(stream -> stream.changed(change));
        }
    }

    private void resubscribed() {
        int streams = byShow.values().stream().mapToInt(Set::size).sum();
        if (streams > 0) {
            log.info("Subscribed to seat changes again: {} streams start over from a fresh snapshot", streams);
        }
        lastChange.clear();
        byShow.values().forEach(showStreams -> showStreams.forEach(SeatStream::unsynced));
    }

    private SeatSnapshot snapshot(UUID showId) {
        try {
            return snapshots.read(showId).join();
        }
        catch (CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
        }
    }

    private void resync(SeatStream stream) {
        snapshots.read(stream.showId()).whenComplete((snapshot, ex) -> {
            if (ex == null) {
                stream.synced(snapshot);
            }
            else {
                log.warn("Could not read the seats of show {}; ending a stream of it", stream.showId(), ex);
                stream.close();
            }
        });
    }

    private void forget(SeatStream stream) {
        byShow.computeIfPresent(stream.showId(), (id, streams) -> {
            streams.remove(stream);
            if (streams.isEmpty()) {
                lastChange.remove(id);
                return null;
            }
            return streams;
        });
        open.decrementAndGet();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs before the web server's graceful shutdown (highest phase stops first). */
    @Override
    public void stop() {
        accepting = false;
        running = false;
        List<SeatStream> all = byShow.values().stream().flatMap(Set::stream).toList();
        all.forEach(SeatStream::close);
        if (!all.isEmpty()) {
            log.info("Ended {} seat streams for shutdown", all.size());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
