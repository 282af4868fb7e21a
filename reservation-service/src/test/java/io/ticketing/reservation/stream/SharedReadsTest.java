package io.ticketing.reservation.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedReadsTest {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void callersThatAskWhileAReadRunsShareTheNextReadNotTheRunningOne() throws Exception {
        var release = new CountDownLatch(1);
        var started = new AtomicInteger();
        var reads = new SharedReads<String, Integer>(key -> {
            int read = started.incrementAndGet();
            if (read == 1) {
                waitFor(release);
            }
            return read;
        }, executor);

        CompletableFuture<Integer> first = reads.read("show");
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 1);
        List<CompletableFuture<Integer>> meanwhile = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            meanwhile.add(reads.read("show"));
        }
        CompletableFuture<Integer> otherShow = reads.read("other show");

        assertThat(otherShow.get(5, TimeUnit.SECONDS)).as("another key reads on its own").isEqualTo(2);
        assertThat(meanwhile).allMatch(read -> !read.isDone());
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        for (var read : meanwhile) {
            assertThat(read.get(5, TimeUnit.SECONDS)).as("one read, started after they asked").isEqualTo(3);
        }
        assertThat(started).hasValue(3);
        assertThat(reads.read("show").get(5, TimeUnit.SECONDS)).as("a later ask reads again").isEqualTo(4);
    }

    @Test
    void aFailedReadFailsThoseItServedOnlyAndTheNextAskReadsAgain() throws Exception {
        var calls = new AtomicInteger();
        var reads = new SharedReads<String, Integer>(key -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("Redis is away");
            }
            return calls.get();
        }, executor);

        assertThatThrownBy(() -> reads.read("show").join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(reads.read("show").get(5, TimeUnit.SECONDS)).isEqualTo(2);
    }

    /**
     * Many callers at once: each gets the result of a read that started after it asked (the read returns how many had
     * asked when it started), and never do two reads of the key run at once.
     */
    @Test
    void everyCallerGetsAReadThatStartedAfterItAskedAndReadsOfAKeyNeverOverlap() throws Exception {
        var asked = new AtomicLong();
        var running = new AtomicInteger();
        var mostRunning = new AtomicInteger();
        var reads = new SharedReads<String, Long>(key -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            long seen = asked.get();
            Thread.onSpinWait();
            running.decrementAndGet();
            return seen;
        }, executor);

        List<Future<?>> callers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (int c = 0; c < 16; c++) {
                callers.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        long mine = asked.incrementAndGet();
                        assertThat(reads.read("show").join()).as("a read that started after ask " + mine)
                                .isGreaterThanOrEqualTo(mine);
                    }
                    return null;
                }));
            }
            for (var caller : callers) {
                caller.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(mostRunning).as("reads of one key at once").hasValue(1);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
