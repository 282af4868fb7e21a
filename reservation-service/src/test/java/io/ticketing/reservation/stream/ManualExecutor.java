package io.ticketing.reservation.stream;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** Runs its tasks when told to, on the test's thread. */
final class ManualExecutor implements Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    void runAll() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }
}
