package io.ticketing.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop load: {@code concurrency} clients, each a virtual thread that sends its next request as soon as
 * the previous one is answered. A request counts when it completes inside the measurement window, which
 * follows the warm-up; no new request starts after the window, so every run ends by itself.
 *
 * <p>Closed loop means that a slower platform is also sent fewer requests: the latencies are those of a
 * platform kept busy by {@code concurrency} users with no think time, not of a fixed arrival rate.
 */
final class LoadRunner {

    /** Sends one request and tells how it was answered, once the whole answer is read. */
    @FunctionalInterface
    interface Target {

        Answer send(String path) throws IOException, InterruptedException;
    }

    /** @param problemCode the {@code code} of a problem+json answer; null for successes */
    record Answer(int status, String problemCode) {
    }

    /** After a request that got no answer, so that a platform that is down is not hammered in a tight loop. */
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 10;

    private final Target target;
    private final int concurrency;
    private final Duration warmup;
    private final Duration duration;
    private final long seed;

    LoadRunner(Target target, int concurrency, Duration warmup, Duration duration, long seed) {
        this.target = target;
        this.concurrency = concurrency;
        this.warmup = warmup;
        this.duration = duration;
        this.seed = seed;
    }

    ScenarioResult run(Scenario scenario) throws InterruptedException {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<SplittableRandom> randoms = new ArrayList<>();
        var seeds = new SplittableRandom(seed ^ scenario.name().hashCode());
        for (int client = 0; client < concurrency; client++) {
            recorders.add(new LatencyRecorder());
            randoms.add(seeds.split());
        }
        together(concurrency, client -> loop(scenario, randoms.get(client), recorders.get(client), measureFrom, end));
        return LatencyRecorder.merge(scenario.name(), duration, recorders);
    }

    /** What one client does, given its number (0 to clients - 1). */
    @FunctionalInterface
    interface Client {

        void run(int client) throws Exception;
    }

    /**
     * Runs {@code clients} clients, each on its own virtual thread, all released at the same moment once every
     * thread is up. A client that throws fails the run, after the others have finished.
     *
     * @return the time from the release until the last client finished
     */
    static Duration together(int clients, Client client) throws InterruptedException {
        var release = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        long released;
        Throwable failure = null;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int index = 0; index < clients; index++) {
                int number = index;
                running.add(threads.submit(() -> {
                    release.await();
                    client.run(number);
                    return null;
                }));
            }
            released = System.nanoTime();
            release.countDown();
            for (Future<?> future : running) {
                try {
                    future.get();
                }
                catch (ExecutionException ex) {
                    failure = failure == null ? ex.getCause() : failure;
                }
            }
        }
        long finished = System.nanoTime();
        if (failure != null) {
            throw new IllegalStateException("A client failed: " + failure, failure);
        }
        return Duration.ofNanos(finished - released);
    }

    private void loop(Scenario scenario, SplittableRandom random, LatencyRecorder recorder, long measureFrom, long end)
            throws InterruptedException {
        while (System.nanoTime() - end < 0) {
            String path = scenario.requests().next(random);
            long sent = System.nanoTime();
            Answer answer = null;
            IOException failure = null;
            try {
                answer = target.send(path);
            }
            catch (IOException ex) {
                failure = ex;
            }
            long done = System.nanoTime();
            boolean measured = done - measureFrom >= 0 && done - end < 0;
            if (failure != null) {
                if (measured) {
                    recorder.fail(failure);
                }
                Thread.sleep(PAUSE_AFTER_FAILURE_MILLIS);
            }
            else if (measured) {
                recorder.record(answer.status(), answer.problemCode(), done - sent);
            }
        }
    }
}
