package io.ticketing.reservation.hold;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.ticketing.events.reservation.SeatsHeld;

/**
 * Records new holds in PostgreSQL in groups (group commit): each hold's row and its {@code SeatsHeld} (the outbox row)
 * are written together in one transaction with the holds of other requests waiting at the same moment, the rows in
 * one batch, so a rush pays one commit, and one round trip for the hold rows, per group rather than per hold. A
 * request waits until its group has committed, and is answered only then: a hold it was told of is always recorded.
 *
 * <p>Nothing waits for a group to fill: a few writers each take whatever holds are waiting when they are free, so at a
 * quiet moment a hold is written alone, at once, and under load the holds that arrived during the previous commit go
 * in the next. If a group fails, each of its holds is written again alone, so a bad row fails only its own request; a
 * hold that fails alone fails its request, which frees its seats ({@link Holds}).
 *
 * <p>Each hold's {@code SeatsHeld} is published in its own request's trace (the writer restores the request's context
 * around it), so the event goes to Kafka as part of the hold's trace, not of whichever group carried it.
 */
@Component
class HoldLedger implements DisposableBean {

    /** Writers, each with a group in flight: one slow transaction does not stop the others. */
    private static final int WRITERS = 2;
    /** The most holds in one transaction. */
    private static final int MAX_GROUP = 64;

    private final HoldRepository records;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
    private final List<Thread> writers = new ArrayList<>();

    HoldLedger(HoldRepository records, TransactionOperations transactions, ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        for (int i = 1; i <= WRITERS; i++) {
            writers.add(Thread.ofPlatform().name("hold-ledger-" + i).daemon().start(this::write));
        }
    }

    /**
     * Records the hold with its {@code SeatsHeld} and returns once committed; throws what the transaction threw. Inside
     * a caller's transaction it writes in that transaction instead.
     */
    void record(Hold hold) {
        var pending = new Pending(hold, snapshots.captureAll(), new CompletableFuture<>());
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            insert(List.of(pending));
            return;
        }
        waiting.add(pending);
        try {
            pending.done().join();
        }
        catch (CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
        }
    }

    private void write() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                group.add(waiting.take());
            }
            catch (InterruptedException ex) {
                return;
            }
            waiting.drainTo(group, MAX_GROUP - 1);
            try {
                if (!commit(group) && group.size() > 1) {
                    group.forEach(pending -> commit(List.of(pending)));
                }
            }
            catch (Throwable unexpected) {
                // an Error: the requests still waiting are answered, and this writer goes on with the next group
                group.forEach(pending -> pending.done().completeExceptionally(unexpected));
            }
            group.clear();
        }
    }

    /** Writes the group in one transaction; whether it committed. A group of one is told of its failure. */
    private boolean commit(List<Pending> group) {
        try {
            transactions.executeWithoutResult(tx -> insert(group));
        }
        catch (RuntimeException ex) {
            if (group.size() == 1) {
                group.getFirst().done().completeExceptionally(ex);
            }
            return false;
        }
        group.forEach(pending -> pending.done().complete(null));
        return true;
    }

    private void insert(List<Pending> group) {
        records.insert(group.stream().map(Pending::hold).toList());
        for (Pending pending : group) {
            Hold hold = pending.hold();
            try (ContextSnapshot.Scope scope = pending.context().setThreadLocals()) {
                events.publishEvent(new SeatsHeld(UUID.randomUUID(), clock.instant(), hold.holdId(), hold.showId(),
                        hold.customerId(), hold.seatIds(), hold.fencingToken(), hold.expiresAt(), hold.amount(),
                        hold.currency()));
            }
        }
    }

    /** Holds still waiting fail: the service is stopping. */
    @Override
    public void destroy() {
        writers.forEach(Thread::interrupt);
        Pending left;
        while ((left = waiting.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("The service is stopping"));
        }
    }

    private record Pending(Hold hold, ContextSnapshot context, CompletableFuture<Void> done) {
    }
}
