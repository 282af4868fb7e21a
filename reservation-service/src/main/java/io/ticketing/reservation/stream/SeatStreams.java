package io.ticketing.reservation.stream;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 * <p>
 * When changes go missing (Redis lost one on its way here, or the subscription was renewed), every stream of the show
 * stops at the same sequence. The instance's {@link SeatCopy} of the show stopped there too: one snapshot read, the
 * seats that differ from the copy, and each stream goes on with one small {@code seats} event of them, where it used
 * to get a snapshot of every seat (60,000 for an arena, fifty times over through the gateway). How many streams were
 * brought on so is the counter {@code ticketing.streams.fills} ({@code stream=seat-map}).
 */
@Service
public class SeatStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SeatStreams.class);

    private final StreamProperties properties;
    private final Map<UUID, Show> byShow = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    /** Writes to clients and reads snapshots. */
    private final Executor writers;
    private final SharedReads<UUID, SeatSnapshot> snapshots;
    private final Counter fills;
    /** Until shutdown; streams are refused from then on. */
    private volatile boolean accepting = true;
    private volatile boolean running;

    @Autowired
    SeatStreams(SeatChanges changes, LiveSeats live, StreamProperties properties, MeterRegistry meters) {
        this(live::snapshot, properties, meters, Executors.newVirtualThreadPerTaskExecutor());
        changes.follow(this::changed, this::resubscribed);
    }

    /**
     * Streams that read snapshots with {@code read}, write and read on {@code writers} (one virtual thread per task in
     * the service), and hear of changes only through {@link #changed} and {@link #resubscribed}.
     */
    SeatStreams(Function<UUID, SeatSnapshot> read, StreamProperties properties, MeterRegistry meters,
            Executor writers) {
        this.properties = properties;
        this.writers = writers;
        Counter reads = Counter.builder("ticketing.streams.snapshots")
                .description("Snapshots of a show's seats read for the seat streams that open or catch up")
                .tag("stream", "seat-map").register(meters);
        this.fills = Counter.builder("ticketing.streams.fills")
                .description("Streams brought past a gap in the changes with the seats that differ, not a snapshot")
                .tag("stream", "seat-map").register(meters);
        this.snapshots = new SharedReads<>(showId -> {
            reads.increment();
            SeatSnapshot snapshot = read.apply(showId);
            Show show = byShow.get(showId);
            if (show != null) {
                readIf(show.copy().read(snapshot), show.copy());
            }
            return snapshot;
        }, writers);
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
        byShow.compute(showId, (id, show) -> {
            Show joined = show != null ? show
                    : new Show(ConcurrentHashMap.newKeySet(), new SeatCopy(id, properties.maxQueuedEvents()));
            joined.streams().add(stream[0]);
            return joined;
        });
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
        byShow.values().forEach(show -> show.streams().forEach(SeatStream::heartbeat));
    }

    /**
     * A change from Redis, in the order Redis delivered it. The copy hears of it first, so that when it shows a gap the
     * copy's fill exists before any stream stops there and asks for it; the read that completes the fill starts only
     * after every stream has asked, or one that read quickly would leave the later ones a whole snapshot each.
     */
    void changed(SeatChange change) {
        Show show = byShow.get(change.showId());
        if (show != null) {
            SeatCopy.Next next = show.copy().changed(change);
            show.streams().forEach(stream -> stream.changed(change));
            readIf(next, show.copy());
        }
    }

    /** The subscription was renewed: every stream stops, and gets the fill of its show's one read (as above). */
    void resubscribed() {
        int streams = byShow.values().stream().mapToInt(show -> show.streams().size()).sum();
        if (streams > 0) {
            log.info("Subscribed to seat changes again: {} streams catch up from a fresh snapshot read", streams);
        }
        byShow.values().forEach(show -> {
            SeatCopy.Next next = show.copy().resubscribed();
            show.streams().forEach(SeatStream::unsynced);
            readIf(next, show.copy());
        });
    }

    /** Starts a snapshot read for the copy when it asks for one; the read itself hands the snapshot to the copy. */
    private void readIf(SeatCopy.Next next, SeatCopy copy) {
        if (next == SeatCopy.Next.READ) {
            snapshots.read(copy.showId()).whenComplete((snapshot, ex) -> {
                if (ex != null) {
                    copy.readFailed(ex);
                }
            });
        }
    }

    private SeatSnapshot snapshot(UUID showId) {
        try {
            return snapshots.read(showId).join();
        }
        catch (CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
        }
    }

    /** A stream lost its changes: it gets the fill of its show's copy when it stopped where the copy did. */
    private void resync(SeatStream stream) {
        Show show = byShow.get(stream.showId());
        var fill = show == null ? null : show.copy().fillFrom(stream.resumeFrom());
        if (fill == null) {
            resyncFromSnapshot(stream);
            return;
        }
        fill.whenComplete((filled, ex) -> {
            if (ex == null) {
                fills.increment();
                stream.filled(filled);
            }
            else {
                resyncFromSnapshot(stream);
            }
        });
    }

    private void resyncFromSnapshot(SeatStream stream) {
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
        byShow.computeIfPresent(stream.showId(), (id, show) -> {
            show.streams().remove(stream);
            return show.streams().isEmpty() ? null : show;
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
        List<SeatStream> all = byShow.values().stream().flatMap(show -> show.streams().stream()).toList();
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

    /** The streams of one show on this instance, and the copy of its seats that fills their gaps. */
    private record Show(Set<SeatStream> streams, SeatCopy copy) {
    }
}
