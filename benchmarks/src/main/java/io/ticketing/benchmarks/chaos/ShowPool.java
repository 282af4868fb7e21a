package io.ticketing.benchmarks.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

import io.ticketing.benchmarks.HotShowSetup;

/**
 * The shows of the rush: a few on sale at once; when one is sold out (a hold answered {@code SHOW_FULL}), a new show
 * takes its place, created in the background through the admin API, so that the rush keeps going for as long as the
 * run lasts. A creation that fails (the catalog is down) is tried again later; at most {@code 4 × size} shows in all.
 */
final class ShowPool {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final HotShowSetup setup;
    private final int size;
    private final int seats;
    private final PrintStream out;
    private final List<String> all = new CopyOnWriteArrayList<>();
    private final List<String> open = new CopyOnWriteArrayList<>();
    private final AtomicBoolean creating = new AtomicBoolean();
    private volatile Instant nextAttempt = Instant.MIN;

    ShowPool(HotShowSetup setup, int size, int seats, PrintStream out) {
        this.setup = setup;
        this.size = size;
        this.seats = seats;
        this.out = out;
    }

    /** The first shows, before the rush: failures here stop the run. */
    void fill() throws IOException, InterruptedException {
        while (open.size() < size) {
            add(setup.show("Chaos show " + (all.size() + 1), seats));
        }
    }

    /** One of the shows on sale, at random; empty while none is (a replacement is on its way). */
    Optional<String> pick(RandomGenerator random) {
        List<String> shows = new ArrayList<>(open);
        if (shows.size() < size) {
            replace();
        }
        return shows.isEmpty() ? Optional.empty() : Optional.of(shows.get(random.nextInt(shows.size())));
    }

    /** Every seat of the show is sold: customers go elsewhere. */
    void soldOut(String show) {
        if (open.remove(show)) {
            out.printf("  %s show %s sold out (%d shows so far)%n", Timestamps.now(), show, all.size());
            replace();
        }
    }

    /** Every show of the run, for the audit. */
    List<String> all() {
        return List.copyOf(all);
    }

    private void add(String show) {
        all.add(show);
        open.add(show);
    }

    private void replace() {
        if (all.size() >= 4 * size || Instant.now().isBefore(nextAttempt) || !creating.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("show-pool").start(() -> {
            try {
                add(setup.show("Chaos show " + (all.size() + 1), seats));
            }
            catch (IOException | RuntimeException ex) {
                nextAttempt = Instant.now().plus(RETRY_AFTER);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            finally {
                creating.set(false);
            }
        });
    }
}
