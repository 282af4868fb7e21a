package io.ticketing.reservation.stream;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Reads of one key that its callers share: at most one read of a key runs at a time, and every caller gets the
 * result of a read that started after it asked (a caller that asks while a read runs gets the next one, which
 * serves everyone who asked meanwhile). So a crowd of seat-map streams opening at once reads the show's seats once
 * or twice, not once per stream, and each stream still gets a snapshot taken after it started listening.
 */
final class SharedReads<K, V> {

    private final Function<K, V> read;
    private final Executor executor;
    private final Map<K, Reads<V>> byKey = new ConcurrentHashMap<>();

    /** @param executor runs the reads (one task per read) */
    SharedReads(Function<K, V> read, Executor executor) {
        this.read = read;
        this.executor = executor;
    }

    /** The result of a read of {@code key} that starts after this call. */
    CompletableFuture<V> read(K key) {
        while (true) {
            Reads<V> reads = byKey.computeIfAbsent(key, k -> new Reads<>());
            synchronized (reads) {
                if (reads.forgotten) {
                    continue; // its last read ended and forgot it just now: a new one takes its place
                }
                if (reads.next == null) {
                    reads.next = new CompletableFuture<>();
                }
                CompletableFuture<V> result = reads.next;
                if (!reads.reading) {
                    start(key, reads);
                }
                return result;
            }
        }
    }

    /** Under the lock of {@code reads}: reads for everyone who asked so far. */
    private void start(K key, Reads<V> reads) {
        CompletableFuture<V> batch = reads.next;
        reads.next = null;
        reads.reading = true;
        try {
            executor.execute(() -> {
                try {
                    batch.complete(read.apply(key));
                }
                catch (RuntimeException | Error ex) {
                    batch.completeExceptionally(ex);
                }
                finally {
                    ended(key, reads);
                }
            });
        }
        catch (RuntimeException ex) {
            reads.reading = false;
            batch.completeExceptionally(ex);
        }
    }

    private void ended(K key, Reads<V> reads) {
        synchronized (reads) {
            reads.reading = false;
            if (reads.next != null) {
                start(key, reads);
            }
            else {
                reads.forgotten = true;
                byKey.remove(key, reads);
            }
        }
    }

    /** The reads of one key; guarded by its own lock. */
    private static final class Reads<V> {
        /** Whether a read runs now. */
        private boolean reading;
        /** The result for those who asked since the running read started; null when nobody did. */
        private CompletableFuture<V> next;
        /** No read runs or waits, and the key's map no longer holds this. */
        private boolean forgotten;
    }
}
