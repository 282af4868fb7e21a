package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The on-sale rush: every customer on a virtual thread of its own, from {@link #start} until {@link #stop}, which
 * lets each finish what it is doing (a late payment waits out its hold; a waiter leaves the line) for a bounded time.
 */
final class Rush {

    private final RecordingClient client;
    private final ShowPool shows;
    private final List<String> sessions;
    private final long seed;
    private final Duration holdGrace;
    private final RushTally tally = new RushTally();
    private volatile boolean stopping;
    private ExecutorService customers;

    Rush(RecordingClient client, ShowPool shows, List<String> sessions, long seed, Duration holdGrace) {
        this.client = client;
        this.shows = shows;
        this.sessions = List.copyOf(sessions);
        this.seed = seed;
        this.holdGrace = holdGrace;
    }

    void start() {
        customers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("customer-", 0).factory());
        var seeds = new SplittableRandom(seed);
        List<RushCustomer> all = new ArrayList<>();
        for (String session : sessions) {
            all.add(new RushCustomer(client, shows, session, seeds.split(), tally, () -> stopping, holdGrace));
        }
        all.forEach(customers::submit);
    }

    /**
     * Tells every customer to stop after what it is doing, and waits for them at most {@code patience}.
     *
     * @return whether every customer had finished
     */
    boolean stop(Duration patience) throws InterruptedException {
        stopping = true;
        customers.shutdown();
        boolean finished = customers.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            customers.shutdownNow();
        }
        return finished;
    }

    RushTally tally() {
        return tally;
    }
}
